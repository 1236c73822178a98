export * from './capabilities';
export * from './items';
export * from './actions';
export * from './errors';
export * from './outcomes';
export * from './connector';
