/**
 * An incident's edit lock: who holds it and until when, and for people who may verify, buttons
 * to take (or renew) it and to release it. While one person holds it, nobody else may decide.
 */
import { DateTime } from '../../components/date-time';
import { ErrorMessage } from '../../components/error-message';
import { Message } from '../../components/message';
import { t } from '../../strings';
import { useAction } from '../../use-action';
import { releaseLock, takeLock } from './endpoints';
import type { AccountabilityAccess } from './access';
import type { IncidentAccountability } from './types';

/** Props of EditLock. */
export interface EditLockProps {
  readonly incidentId: string;
  readonly lock: IncidentAccountability['lock'];
  readonly access: AccountabilityAccess;
  readonly onChanged: () => void;
}

/** The lock's holder and expiry, with the buttons the session may use. */
export function EditLock({ incidentId, lock, access, onChanged }: EditLockProps) {
  const action = useAction();
  const mine = lock !== null && lock.userId === access.self.id;

  async function take() {
    if (await action.run(() => takeLock(incidentId), t('lock.taken'))) onChanged();
  }

  async function release() {
    if (await action.run(() => releaseLock(incidentId), t('lock.released'))) onChanged();
  }

  const until = lock === null ? null : <DateTime iso={lock.expiresAt} empty={t('time.none')} />;
  return (
    <div className="lock">
      <p className="lock-holder">
        {lock === null && t('lock.free')}
        {lock !== null && mine && <Message id="lock.heldByYou" values={{ until }} />}
        {lock !== null && !mine && (
          <Message id="lock.heldByOther" values={{ id: lock.userId, until }} />
        )}
      </p>
      {access.canVerify && (lock === null || mine) && (
        <div className="button-row">
          <button
            type="button"
            className="button-small button-secondary"
            disabled={action.busy}
            onClick={() => void take()}
          >
            {mine ? t('lock.renew') : t('lock.take')}
          </button>
          {mine && (
            <button
              type="button"
              className="button-small button-secondary"
              disabled={action.busy}
              onClick={() => void release()}
            >
              {t('lock.release')}
            </button>
          )}
        </div>
      )}
      <ErrorMessage error={action.error} />
      <p className="status-line" role="status">
        {action.done ?? ''}
      </p>
    </div>
  );
}
