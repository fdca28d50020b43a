/**
 * Shows an error as an alert: the main message, then any server details that neither a form
 * field nor the message itself already shows.
 */
import { errorMessage, otherDetails } from '../error-details';
import { t } from '../strings';

/** Props of ErrorMessage. */
export interface ErrorMessageProps {
  /** Anything thrown or rejected; nothing is shown when null or undefined. */
  readonly error: unknown;
  /** Fields that show their own details next to the input; those are not repeated here. */
  readonly fields?: readonly string[];
}

/** An alert with the error's message and remaining details; renders nothing without an error. */
export function ErrorMessage({ error, fields = [] }: ErrorMessageProps) {
  if (error === null || error === undefined) return null;
  const message = errorMessage(error);
  const details = otherDetails(error, fields).filter((d) => !message.includes(d.message));
  return (
    <div className="alert alert-error" role="alert">
      <p>{message}</p>
      {details.length > 0 && (
        <ul>
          {details.map((detail, index) => (
            <li key={`${detail.path}-${index}`}>
              {t('error.fieldLabel', { field: detail.path, message: detail.message })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
