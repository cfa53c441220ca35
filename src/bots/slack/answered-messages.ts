// Which FactDesk post answers which message, so an edited question can update its answer in place.
// In memory and per process, like event-claims.ts's default: after a restart, or when Slack sends
// the edit to another process, the edit is left alone (FactDesk's answer stays as it was). Bounded:
// past the capacity the oldest are forgotten first, and an edit of those is left alone too.

/** FactDesk's post answering a message: where it is, so chat.update can replace it. */
export interface AnswerPost {
  channel: string;
  ts: string;
  /** The thread it is in; absent for a DM answered outside a thread. */
  thread_ts?: string;
}

export interface AnsweredMessages {
  remember(message: string, answer: AnswerPost): void;
  answerTo(message: string): AnswerPost | undefined;
}

/** About a megabyte: the answers of a busy day's questions. */
export const MAX_ANSWERED_MESSAGES = 10_000;

/** A message's key: its workspace, channel and ts (a ts is unique within a channel). */
export const messageKey = (team: string, channel: string, ts: string) => `${team}:${channel}:${ts}`;

export function createAnsweredMessages(capacity: number = MAX_ANSWERED_MESSAGES): AnsweredMessages {
  // In the order they were answered (answering again moves one to the end), so the oldest go first.
  const answers = new Map<string, AnswerPost>();
  return {
    remember(message, answer) {
      answers.delete(message);
      answers.set(message, answer);
      for (const oldest of answers.keys()) {
        if (answers.size <= capacity) break;
        answers.delete(oldest);
      }
    },
    answerTo: (message) => answers.get(message),
  };
}
