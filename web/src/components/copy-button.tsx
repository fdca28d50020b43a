/** A button that copies a text to the clipboard and says whether it worked. */
import { useState } from 'react';

/** Props of CopyButton. */
export interface CopyButtonProps {
  readonly text: string;
  /** The button's label, such as "Copy key". */
  readonly label: string;
  /** A fuller name for assistive technology, when several such buttons share a label. */
  readonly ariaLabel?: string;
  /** What to say once copied, and when copying failed. */
  readonly copied: string;
  readonly failed: string;
}

type CopyState = 'idle' | 'copied' | 'failed';

/** A small secondary button followed by a polite status message after each attempt. */
export function CopyButton({ text, label, ariaLabel, copied, failed }: CopyButtonProps) {
  const [copy, setCopy] = useState<CopyState>('idle');

  async function handleCopy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  }

  return (
    <>
      <button
        type="button"
        className="button-small button-secondary"
        onClick={() => void handleCopy()}
        aria-label={ariaLabel}
      >
        {label}
      </button>
      <span className="copy-state" role="status">
        {copy === 'idle' ? '' : copy === 'copied' ? copied : failed}
      </span>
    </>
  );
}
