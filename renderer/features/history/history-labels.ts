/** Names of history actions on screen: statuses by their status name, the others by their verb. */
import type { TFunction } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/vi';

const ACTIONS: Record<string, MessageKey> = {
  save: 'history.action.save',
  create: 'history.action.create',
  edit: 'history.action.edit',
  delete: 'history.action.delete',
  add: 'history.action.add',
  remove: 'history.action.remove',
  link: 'history.action.link',
  unlink: 'history.action.unlink',
  overwrite: 'history.action.overwrite',
  result: 'history.action.result',
  draft: 'status.draft',
  final: 'status.final',
  submitted: 'status.submitted',
  appraised: 'status.appraised',
  closed: 'status.closed',
  appraisal: 'history.action.appraisal',
  response: 'history.action.response',
  'response-link': 'history.action.response-link',
  'response-unlink': 'history.action.response-unlink',
};

export const actionLabel = (action: string, t: TFunction): string => (ACTIONS[action] ? t(ACTIONS[action]) : action);
