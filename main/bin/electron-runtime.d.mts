/** Types of electron-runtime.mjs (plain Node ESM, used by `npm start` and the Electron E2E). */
export declare const PROJECT_ROOT: string;
export declare const MISSING_RUNTIME_MESSAGE: string;
export declare function electronBinaryCandidate(projectRoot?: string, env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform): string | null;
export declare function findElectronRuntime(projectRoot?: string, env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform): string | null;
export declare function electronLaunchEnv(env: NodeJS.ProcessEnv, bindingPath: string): NodeJS.ProcessEnv;
