// Which reply of FactDesk's answers which message, so that an edited question updates its answer
// in place. Kept in memory, per process, for the last MAX_ANSWERED_MESSAGES messages answered: the
// gateway sends a server's edits to the same shard (the same process) as its messages, so nothing
// is shared. An edit of an older message, or of one answered before a restart, is left alone.

export interface AnsweredMessage {
  /** FactDesk's reply to the message. */
  replyId: string;
  /** The conversation the message was read in; its edit is read there again. */
  conversation: string;
  /** The text it was read as: an edit that leaves it the same (a link's preview arriving) changes nothing. */
  asked: string;
}

export interface AnsweredMessages {
  remember(messageId: string, answered: AnsweredMessage): void;
  recall(messageId: string): AnsweredMessage | undefined;
  /**
   * Runs work on a message after any still running for it: an edit made while its question is
   * being answered waits for that reply (and is not lost), and two quick edits land in order.
   */
  inTurn(messageId: string, work: () => Promise<void>): Promise<void>;
}

/** A day's questions on a busy server; edits come minutes after a message, not days. */
export const MAX_ANSWERED_MESSAGES = 1000;

export function answeredMessages(max = MAX_ANSWERED_MESSAGES): AnsweredMessages {
  // A Map keeps insertion order: the first key is the message answered longest ago.
  const answered = new Map<string, AnsweredMessage>();
  // Work under way, by message: as many entries as messages being answered at once.
  const running = new Map<string, Promise<void>>();
  return {
    inTurn(messageId, work) {
      const turn = (running.get(messageId) ?? Promise.resolve()).then(work);
      const done = turn.catch(() => undefined);
      running.set(messageId, done);
      void done.then(() => running.get(messageId) === done && running.delete(messageId));
      return turn;
    },
    remember(messageId, reply) {
      answered.delete(messageId);
      answered.set(messageId, reply);
      if (answered.size > max) answered.delete(answered.keys().next().value!);
    },
    recall: (messageId) => answered.get(messageId),
  };
}
