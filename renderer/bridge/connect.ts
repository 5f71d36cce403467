// Finds the bridge to the main process: Electron's preload, or the harness.
import type { PunchcardBridge } from '../../shared/contract/bridge.ts';
import { webBridgeFromLocation } from './web-bridge.ts';

declare global {
  interface Window {
    punchcard?: PunchcardBridge;
  }
}

export function connectBridge(): PunchcardBridge | null {
  return window.punchcard ?? webBridgeFromLocation(window.location);
}
