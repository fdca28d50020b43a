/** Shows an error as an alert: the main message and any server details not shown by a field. */
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
  const details = otherDetails(error, fields);
  return (
    <div className="alert alert-error" role="alert">
      <p>{errorMessage(error)}</p>
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
