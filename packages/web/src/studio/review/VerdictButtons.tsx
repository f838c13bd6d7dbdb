import type { VerdictList } from '../../api/studio-client.js';
import { useStudio } from '../studio-context.js';

type Verdict = VerdictList['verdicts'][number];

/**
 * A reviewer's per-question verdict: agree or disagree (press again to
 * withdraw), with the other reviewers' verdicts beside it. Blind review is
 * a matter of who sees this row; the API keeps who said what at which version.
 */
export function VerdictButtons(props: {
  id: number;
  code: string;
  verdicts: Verdict[];
  canReview: boolean;
  onChange(list: VerdictList): void;
}) {
  const { api, user } = useStudio();
  const here = props.verdicts.filter((v) => v.code === props.code);
  const mine = here.find((v) => v.user.id === user.id)?.verdict ?? null;
  const others = here.filter((v) => v.user.id !== user.id);
  const set = async (verdict: 'agree' | 'disagree') => {
    const answer = await api.setVerdict(props.id, props.code, mine === verdict ? null : verdict);
    if (answer.ok) props.onChange(answer.body);
  };
  return (
    <div class="verdicts">
      {props.canReview && (
        <div class="button-row" role="group" aria-label={`Review of ${props.code}`}>
          <button type="button" class="verdict" aria-pressed={mine === 'agree'} onClick={() => void set('agree')}>
            Agree with {props.code}
          </button>
          <button type="button" class="verdict" aria-pressed={mine === 'disagree'} onClick={() => void set('disagree')}>
            Disagree with {props.code}
          </button>
        </div>
      )}
      {others.length > 0 && (
        <p class="subtle">{others.map((v) => `${v.user.name}: ${v.verdict} (v${v.version})`).join('; ')}</p>
      )}
    </div>
  );
}
