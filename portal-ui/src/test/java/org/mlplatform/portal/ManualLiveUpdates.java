package org.mlplatform.portal;

import com.vaadin.flow.shared.Registration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.mlplatform.portal.layout.LiveUpdates;

/** Live updates that run only when a test says {@link #tick()}; no threads, no waiting. */
public class ManualLiveUpdates extends LiveUpdates {

    private final List<Runnable> tasks = new ArrayList<>();

    @Override
    public Registration every(Duration period, Runnable task) {
        tasks.add(task);
        return () -> tasks.remove(task);
    }

    /** Runs every registered task once, as the background thread would. */
    public void tick() {
        List.copyOf(tasks).forEach(Runnable::run);
    }

    public int running() {
        return tasks.size();
    }
}
