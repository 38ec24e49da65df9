package io.simswarm.cli.campaign;

/** A terminal for tests: interactive or not, a fixed answer to questions, Ctrl-C pressed by the test. */
final class TestTerminal extends Terminal {

    final Terminal.CtrlC ctrlC = new Terminal.CtrlC();
    private final boolean interactive;
    private final boolean answer;

    TestTerminal(boolean interactive, boolean answer) {
        super(null);
        this.interactive = interactive;
        this.answer = answer;
    }

    @Override
    public boolean interactive() {
        return interactive;
    }

    @Override
    public boolean confirm(String question) {
        return answer;
    }

    @Override
    public CtrlC catchCtrlC() {
        return ctrlC;
    }
}
