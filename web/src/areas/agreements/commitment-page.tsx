/**
 * One commitment: its source text with the hedge words marked, its fields in plain words, the
 * full 13-point concreteness scorecard with reasons and what would raise each point, and the
 * provision it comes from.
 */
import { useCallback } from 'react';
import { Breadcrumb } from '../../components/breadcrumb';
import { ErrorMessage } from '../../components/error-message';
import { HedgedText, orderedHedges } from '../../components/hedged-text';
import { PageTitle } from '../../components/page-title';
import { getCommitment } from '../../endpoints';
import { t } from '../../strings';
import { useLoad } from '../../use-load';
import { CommitmentFields } from './commitment-fields';
import { CommitmentScorecard } from './commitment-scorecard';
import { commitmentParties } from './document-commitments';
import { paragraphs } from './format';
import { AGREEMENTS_PATH, documentPath } from './paths';
import type { CommitmentView, Hedge } from './types';
import { pointTitle, provisionKindLabel } from './words';

/** Props of CommitmentPage. */
export interface CommitmentPageProps {
  readonly documentId: string;
  readonly commitmentId: string;
}

/** The page of one commitment. */
export function CommitmentPage({ documentId, commitmentId }: CommitmentPageProps) {
  const load = useCallback(
    () => getCommitment(documentId, commitmentId),
    [documentId, commitmentId],
  );
  const { data, error, loading } = useLoad(load);
  return (
    <>
      <Breadcrumb
        trail={[
          { label: t('documents.title'), to: AGREEMENTS_PATH },
          { label: data?.documentTitle ?? documentId, to: documentPath(documentId) },
        ]}
      />
      <PageTitle>
        {data === undefined
          ? t('commitment.title')
          : commitmentParties(data.commitment, data.actors)}
      </PageTitle>
      <ErrorMessage error={error} />
      {loading && data === undefined && <p>{t('app.loading')}</p>}
      {data !== undefined && <CommitmentBody view={data} />}
    </>
  );
}

/** The title of checklist point `point` in the view's scorecard. */
function pointTitleOf(view: CommitmentView, point: number): string {
  const score = view.scorecard.points.find((p) => p.point === point);
  return score === undefined ? String(point) : pointTitle(score);
}

/** Every hedge of the scorecard once, in text order. */
function hedgesOf(view: CommitmentView): Hedge[] {
  return orderedHedges(
    view.commitment.text,
    view.scorecard.points.flatMap((point) => point.hedges),
  );
}

function CommitmentBody({ view }: { readonly view: CommitmentView }) {
  const { commitment, provision } = view;
  const hedges = hedgesOf(view);
  return (
    <>
      <p className="subtitle">{t('commitment.idLine', { id: commitment.id })}</p>
      <section className="panel" aria-labelledby="commitment-text">
        <h2 id="commitment-text">{t('commitment.textTitle')}</h2>
        {hedges.length > 0 && <p className="muted">{t('commitment.textIntro')}</p>}
        <HedgedText text={commitment.text} hedges={hedges} />
        <h3>{t('commitment.hedgesTitle')}</h3>
        {hedges.length === 0 ? (
          <p>{t('commitment.noHedges')}</p>
        ) : (
          <ul className="hedge-list">
            {hedges.map((hedge) => (
              <li key={hedge.start}>
                {t('commitment.hedge', {
                  message: hedge.message,
                  point: hedge.point,
                  title: pointTitleOf(view, hedge.point),
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="panel" aria-labelledby="commitment-fields">
        <h2 id="commitment-fields">{t('commitment.fieldsTitle')}</h2>
        <CommitmentFields commitment={commitment} actors={view.actors} />
      </section>
      <CommitmentScorecard id="commitment-scorecard" scorecard={view.scorecard} />
      <section className="panel" aria-labelledby="commitment-provision">
        <h2 id="commitment-provision">{t('commitment.provisionTitle')}</h2>
        {provision === null ? (
          <p>{t('commitment.noProvision')}</p>
        ) : (
          <>
            <p>
              <strong>{provision.locator}</strong> · {provisionKindLabel(provision.kind)}
            </p>
            <blockquote className="provision-text">
              {paragraphs(provision.text).map((paragraph, index) => (
                <p key={index}>{paragraph}</p>
              ))}
            </blockquote>
            {provision.version !== undefined && (
              <p className="cell-note">
                {t('commitment.provisionVersion', { version: provision.version })}
              </p>
            )}
          </>
        )}
      </section>
    </>
  );
}
