import type { ChangePart } from '../../../shared/domain/history-prose';
import { partText, shortenText } from '../../../shared/domain/history-prose';
import { useT } from '../../i18n/i18n';

const VALUE_MAX = 80;
const LABEL_MAX = 160;

/** One change told in words, one line per part ("Điểm: 1,5 → 2"); a line with a long text shows it
 *  cut, with the full text in its title and behind "Xem đủ" (keyboard reachable). */
export function ChangeParts({ parts }: { parts: ChangePart[] }) {
  const t = useT();
  return (
    <ul className="history-change-list">
      {parts.map((p, i) => {
        const short: ChangePart = {
          label: shortenText(p.label, LABEL_MAX),
          ...(p.before === undefined ? {} : { before: shortenText(p.before, VALUE_MAX) }),
          ...(p.after === undefined ? {} : { after: shortenText(p.after, VALUE_MAX) }),
        };
        const full = partText(p);
        const shown = partText(short);
        return (
          <li key={i} title={shown === full ? undefined : full}>
            {shown === full ? (
              full
            ) : (
              <details className="history-long">
                <summary>
                  {shown} <span className="history-more">{t('history.showAll')}</span>
                </summary>
                <p>{full}</p>
              </details>
            )}
          </li>
        );
      })}
    </ul>
  );
}
