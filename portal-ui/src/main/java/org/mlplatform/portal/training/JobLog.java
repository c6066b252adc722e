package org.mlplatform.portal.training;

import com.vaadin.flow.component.html.Div;
import java.util.List;
import org.mlplatform.contract.training.JobEventType;
import org.mlplatform.contract.training.TrainingJobEvent;
import org.mlplatform.portal.layout.Formats;

/** The job's log lines and status changes with their time, newest at the bottom. */
class JobLog extends Div {

    /** Older lines are dropped beyond this, so a chatty job cannot grow the page without end. */
    static final int MAX_LINES = 1000;

    JobLog() {
        addClassName("job-log");
        setId("job-log");
    }

    /** Appends the LOG and STATUS events; others are shown elsewhere. */
    void append(TrainingJobEvent event) {
        if (event.type() != JobEventType.LOG && event.type() != JobEventType.STATUS) {
            return;
        }
        Div line = new Div(line(event));
        line.addClassName("log-line");
        line.addClassName("log-" + (event.level() == null ? "INFO" : event.level()));
        add(line);
        if (getComponentCount() > MAX_LINES) {
            remove(getComponentAt(0));
        }
    }

    /** Keeps the newest line in sight while the log grows; once per update, not per line. */
    void scrollToEnd() {
        getElement().executeJs("this.scrollTop = this.scrollHeight");
    }

    static String line(TrainingJobEvent event) {
        String time = Formats.time(event.at());
        if (event.type() == JobEventType.STATUS) {
            String status = event.status() == null ? "" : event.status().name();
            return time
                    + "  "
                    + status
                    + (event.message() == null || event.message().isBlank()
                            ? ""
                            : " – " + event.message());
        }
        return time
                + "  "
                + (event.level() == null ? "INFO" : event.level())
                + "  "
                + (event.message() == null ? "" : event.message());
    }

    List<String> lines() {
        return getChildren().map(c -> c.getElement().getText()).toList();
    }
}
