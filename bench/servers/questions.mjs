// The child side of child-server's `ask()`: answers questions from the parent
// over the IPC channel, and exits when that channel closes (parent gone).

/**
 * @param {Record<string, () => unknown | Promise<unknown>>} answers
 * @param {() => Promise<void>} stop
 */
export function answerQuestions(answers, stop) {
  process.on('message', async ({ id, question }) => {
    try {
      const answer = answers[question];
      if (!answer) throw new Error(`unknown question "${question}"`);
      process.send({ id, answer: await answer() });
    } catch (error) {
      process.send({ id, error: error instanceof Error ? error.message : String(error) });
    }
  });
  const exit = () => stop().finally(() => process.exit(0));
  process.once('disconnect', exit);
  process.once('SIGTERM', exit);
}
