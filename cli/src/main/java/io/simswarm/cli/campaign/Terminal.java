package io.simswarm.cli.campaign;

import java.io.Console;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The user's terminal while a campaign is followed: whether there is one (the progress line is then redrawn in
 * place and Ctrl-C asks before cancelling), the question itself, and Ctrl-C caught instead of ending the program.
 */
public class Terminal {

    private final Console console;

    Terminal(Console console) {
        this.console = console;
    }

    public static Terminal ofProcess() {
        return new Terminal(System.console());
    }

    public boolean interactive() {
        return console != null;
    }

    /** Asks a yes/no question; false without a terminal. */
    public boolean confirm(String question) {
        if (console == null) {
            return false;
        }
        String answer = console.readLine("%s [y/N] ", question);
        return answer != null && answer.trim().toLowerCase().startsWith("y");
    }

    /** Catches Ctrl-C until the returned handle is closed. */
    public CtrlC catchCtrlC() {
        CtrlC ctrlC = new CtrlC();
        SignalHandler previous = Signal.handle(new Signal("INT"), signal -> ctrlC.press());
        ctrlC.onClose(() -> Signal.handle(new Signal("INT"), previous));
        return ctrlC;
    }

    /** Ctrl-C presses, as a flag the follower looks at between two polls. */
    public static class CtrlC implements AutoCloseable {

        private final AtomicBoolean pressed = new AtomicBoolean();
        private Runnable onClose = () -> { };

        void press() {
            pressed.set(true);
        }

        /** Whether Ctrl-C was pressed since the last {@link #take()}, without taking it. */
        boolean isPressed() {
            return pressed.get();
        }

        /** Whether Ctrl-C was pressed since the last call. */
        boolean take() {
            return pressed.getAndSet(false);
        }

        void onClose(Runnable action) {
            this.onClose = action;
        }

        @Override
        public void close() {
            onClose.run();
        }
    }
}
