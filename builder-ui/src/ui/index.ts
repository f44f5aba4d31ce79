/** The builder's shared primitives (import the theme once, in the app's entry). */
export { Badge } from './badge.js';
export { Button, type ButtonProps, type ButtonVariant } from './button.js';
export { ConfirmDialog, type ConfirmDialogProps } from './confirm-dialog.js';
export { Dialog, type DialogProps } from './dialog.js';
export { EmptyState, ErrorState, LoadingState, errorMessage } from './states.js';
export { ToastProvider, useToast, type Toast } from './toast.js';
