/** Where a claim or a text comes from: publisher, who said it, when, and a link. */
import type { Source } from '../areas/agreements/types';
import { t } from '../strings';
import { CalendarDate } from './calendar-date';
import { Message } from './message';

/** Whether `url` is a web address (http or https), the only kind shown as a link. */
function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * One line naming the source; a web link opens the publisher's page in a new tab (any other
 * address, which an imported file could hold, is shown as text, never followed).
 */
export function SourceText({ source }: { readonly source: Source }) {
  return (
    <span className="source-text">
      {t('claim.source', { publisher: source.publisher })}
      {source.statedBy !== undefined && <>, {t('claim.statedBy', { name: source.statedBy })}</>}
      {source.date !== undefined && (
        <>
          , <Message id="claim.published" values={{ date: <CalendarDate value={source.date} /> }} />
        </>
      )}
      {source.url !== undefined && !isWebUrl(source.url) && (
        <>
          {' '}
          <code>{source.url}</code>
        </>
      )}
      {source.url !== undefined && isWebUrl(source.url) && (
        <>
          {' '}
          <a href={source.url} target="_blank" rel="noopener noreferrer">
            {t('claim.link')}
            <span className="visually-hidden">
              {' '}
              {t('claim.linkContext', { publisher: source.publisher })}
            </span>
          </a>
        </>
      )}
    </span>
  );
}
