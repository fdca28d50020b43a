/**
 * The words of the guarantee board. Part of the English catalogue of strings.ts.
 */
export const boardStrings = {
  'board.title': 'Guarantee board',
  'board.intro':
    'Activated commitments with their response clocks, how each guarantor has responded, and how concrete each commitment is. The board updates itself as the record changes.',
  'board.introGuarantor':
    'The activations of your government’s commitments with their response clocks, your record of responses, and how concrete each commitment is. The board updates itself as the record changes.',
  'board.filters': 'Filter the board',
  'board.guarantor': 'Guarantor',
  'board.allGuarantors': 'All guarantors',
  'board.activationsTitle': 'Activations and response clocks',
  'board.activationsCaption': 'Activations, overdue first, then by nearest deadline',
  'board.empty': 'No commitment has been activated.',
  'board.emptyFiltered': 'No commitment of this guarantor has been activated.',
  'board.colCommitment': 'Commitment',
  'board.colGuarantor': 'Guarantor',
  'board.colIncident': 'Incident',
  'board.colTier': 'Tier',
  'board.colClock': 'Response clock',
  'board.colStatus': 'Status',
  'board.tier': 'Tier {tier}',
  'board.new': 'New',
  'board.dueIn': 'due in {time}',
  'board.overdueBy': 'overdue by {time}',
  'board.noDeadline': 'no deadline',
  'board.deadlineLabel': 'Deadline:',
  'board.days': '{count} d',
  'board.hours': '{count} h',
  'board.minutes': '{count} min',
  'board.seconds': '{count} s',
  'board.commitmentsTitle': 'Commitments and their concreteness',
  'board.commitmentsIntro':
    'How concrete each document’s commitments are: the more of trigger, action, deadline and consequence a commitment spells out, the higher its score.',
  'board.noDocuments': 'No agreement has been imported yet.',
  'board.colDocCommitment': 'Commitment',
  'board.colScore': 'Concreteness',
} as const;
