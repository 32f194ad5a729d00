/**
 * Preload (sandboxed, CommonJS): exposes `window.parApi`, one function per contract channel.
 * Sandboxed preloads may only require 'electron', so electron-vite bundles everything else in.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { channels } from '../../shared/api/contract';
import { buildPreloadApi, PRELOAD_GLOBAL_NAME } from './build-api';

const api = buildPreloadApi((channel, input) => ipcRenderer.invoke(channel, input), channels);

contextBridge.exposeInMainWorld(PRELOAD_GLOBAL_NAME, api);
