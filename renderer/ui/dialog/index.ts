export { Dialog, type DialogProps } from './Dialog';
export { focusableIn, isTextEntry } from './focusable';
