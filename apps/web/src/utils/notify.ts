import { ElMessage, ElMessageBox } from 'element-plus';
// Services are called from script, where the component resolver cannot see them: import their CSS here.
import 'element-plus/es/components/message/style/css';
import 'element-plus/es/components/message-box/style/css';
import { ApiError } from '../api/client';
import { errorMessage } from '../api/errors';

/** Shows a failed call as a translated message; callers that show errors inline use errorMessage instead. */
export function notifyError(error: unknown): void {
  // Anything but an API answer is a bug in the page: its stack goes to the console for developers,
  // the clerk gets a sentence.
  if (!(error instanceof ApiError)) console.error(error);
  ElMessage({ type: 'error', message: errorMessage(error), showClose: true, duration: 6000 });
}

export function notifySuccess(message: string): void {
  ElMessage({ type: 'success', message });
}

/** A message that needs no action beyond reading (nothing to save, fix the marked fields). */
export function notifyInfo(message: string, type: 'info' | 'warning' = 'info'): void {
  ElMessage({ type, message, showClose: true });
}

/** Asks before an action that changes a record; resolves false when the user backs out. */
export async function confirmAction(message: string, title: string, confirmText: string, cancelText: string): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, title, { type: 'warning', confirmButtonText: confirmText, cancelButtonText: cancelText });
    return true;
  } catch {
    return false;
  }
}
