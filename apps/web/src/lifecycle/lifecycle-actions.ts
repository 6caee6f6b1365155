import type { CampaignStatus } from '@textbank/contracts';

export type LifecycleAction = 'launch' | 'pause' | 'resume' | 'archive';

export interface ActionWords {
  label: string;
  /** The confirmation: what happens, for volunteers and for the campaign. */
  title: (campaign: string) => string;
  consequence: string;
  /** Shown once it is done. */
  done: string;
}

export const ACTION_WORDS: Readonly<Record<LifecycleAction, ActionWords>> = {
  launch: {
    label: 'Launch',
    title: (campaign) => `Launch ${campaign}?`,
    consequence: 'Volunteers can start texting its contacts within texting hours. The script and questions stay editable; every change is a new version.',
    done: 'Campaign launched.',
  },
  pause: {
    label: 'Pause',
    title: (campaign) => `Pause ${campaign}?`,
    consequence: 'No new texts go out until it is resumed. Replies still arrive.',
    done: 'Campaign paused.',
  },
  resume: {
    label: 'Resume',
    title: (campaign) => `Resume ${campaign}?`,
    consequence: 'Volunteers can text its contacts again within texting hours.',
    done: 'Campaign resumed.',
  },
  archive: {
    label: 'Archive',
    title: (campaign) => `Archive ${campaign}?`,
    consequence: 'The campaign stops for good: nothing more is sent, and it cannot be launched or resumed again. Its history is kept.',
    done: 'Campaign archived.',
  },
};

/** draft → active → paused ⇄ active → archived: the buttons each status offers, the usual next step first. */
export function actionsFor(status: CampaignStatus): LifecycleAction[] {
  switch (status) {
    case 'draft':
      return ['launch', 'archive'];
    case 'active':
      return ['pause', 'archive'];
    case 'paused':
      return ['resume', 'archive'];
    case 'archived':
      return [];
    default:
      return status satisfies never;
  }
}

/** Launch and resume are refused while the checklist is not ready. */
export const needsChecklist = (action: LifecycleAction) => action === 'launch' || action === 'resume';
