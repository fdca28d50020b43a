/**
 * Catches an error thrown while rendering its children (such as a part of the app that failed
 * to download) and shows it like any other error, instead of leaving a blank screen.
 */
import { Component, type ReactNode } from 'react';
import { ErrorMessage } from './error-message';

/** Props of ErrorBoundary. */
export interface ErrorBoundaryProps {
  readonly children: ReactNode;
}

interface ErrorBoundaryState {
  readonly error: unknown;
}

/** React needs a class for this: only class components can catch render errors. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error };
  }

  override render() {
    return this.state.error === null ? (
      this.props.children
    ) : (
      <ErrorMessage error={this.state.error} />
    );
  }
}
