package org.mlplatform.portal.layout;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;

/**
 * Makes the browser poll while a page waits for something that changes on the server without the
 * user doing anything (a version being validated, a job in the queue), and stops when nothing is
 * pending any more or the page is left.
 */
public final class Polling {

    private final int millis;
    private final Runnable onPoll;
    private Registration registration;

    /**
     * @param millis the poll interval
     * @param onPoll what to refresh at each poll
     */
    public Polling(int millis, Runnable onPoll) {
        this.millis = millis;
        this.onPoll = onPoll;
    }

    /** Polls while {@code pending}, stops otherwise. */
    public void keepWhile(boolean pending) {
        if (pending) {
            start();
        } else {
            stop();
        }
    }

    /** Stops polling; call it when the page is detached. */
    public void stop() {
        if (registration != null) {
            registration.remove();
            registration = null;
            UI ui = UI.getCurrent();
            if (ui != null) {
                ui.setPollInterval(-1);
            }
        }
    }

    private void start() {
        UI ui = UI.getCurrent();
        if (registration == null && ui != null) {
            ui.setPollInterval(millis);
            registration = ui.addPollListener(e -> onPoll.run());
        }
    }
}
