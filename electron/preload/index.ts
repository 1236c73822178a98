import { contextBridge, ipcRenderer } from 'electron';
import { DESKTOP_BRIDGE_KEY } from '@shared/contract/bridge';
import { createBridgeApi } from './bridge-api';

// Only the contract-shaped API crosses the context bridge; ipcRenderer stays in this closure.
contextBridge.exposeInMainWorld(DESKTOP_BRIDGE_KEY, createBridgeApi(ipcRenderer));
