/**
 * A message of the string table whose `{name}` placeholders are filled with elements (a date,
 * a link) rather than text, so that each language keeps its own word order around them.
 */
import { Fragment, type ReactNode } from 'react';
import { t, type MessageId } from '../strings';

/** Props of Message. */
export interface MessageProps {
  readonly id: MessageId;
  /** What fills each placeholder; a placeholder without a value is shown as it is. */
  readonly values: Readonly<Record<string, ReactNode>>;
}

/** The message with its placeholders replaced by `values`. */
export function Message({ id, values }: MessageProps) {
  const parts = t(id).split(/(\{\w+\})/);
  return (
    <>
      {parts.map((part, index) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        const value = name === undefined ? part : (values[name] ?? part);
        return <Fragment key={index}>{value}</Fragment>;
      })}
    </>
  );
}
