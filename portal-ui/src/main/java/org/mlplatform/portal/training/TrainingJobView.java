package org.mlplatform.portal.training;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import org.mlplatform.contract.me.TenantMembershipResponse;
import org.mlplatform.contract.tenant.TenantRole;
import org.mlplatform.contract.training.EpochMetrics;
import org.mlplatform.contract.training.JobEventType;
import org.mlplatform.contract.training.TrainingJobEvent;
import org.mlplatform.contract.training.TrainingJobResponse;
import org.mlplatform.portal.api.AccessTokens;
import org.mlplatform.portal.api.JobProgress;
import org.mlplatform.portal.api.PlatformApi;
import org.mlplatform.portal.api.PlatformApiException;
import org.mlplatform.portal.api.TrainingApi;
import org.mlplatform.portal.layout.DestructiveConfirm;
import org.mlplatform.portal.layout.LiveUpdates;
import org.mlplatform.portal.layout.MainLayout;
import org.mlplatform.portal.layout.Notice;
import org.mlplatform.portal.layout.Notifications;
import org.mlplatform.portal.tenant.TenantView;

/**
 * One training job as it learns: its state, loss and accuracy per epoch, and its log. While the
 * page is open and the job has not finished, a background task reads what is new about once a
 * {@link #REFRESH} and pushes it to the browser.
 */
@Route(value = "t/:tenant/training/:id", layout = MainLayout.class)
@PageTitle("Training job")
public class TrainingJobView extends TenantView {

    static final Duration REFRESH = Duration.ofSeconds(1);

    /**
     * While live, the browser polls this often. A poll is a request, so quarkus-oidc refreshes the
     * token on it (within its 30 s skew of expiry), and the page takes the fresh one for the
     * background refresh, which has no request of its own.
     */
    static final int TOKEN_RENEWAL_MILLIS = 20_000;

    private static final Logger LOG = Logger.getLogger(TrainingJobView.class);

    final JobLog log = new JobLog();
    final Span paused = new Span();
    JobHeader header;
    JobCharts charts;
    private final TrainingApi training;
    private final LiveUpdates live;
    private final Map<Integer, EpochMetrics> epochs = new TreeMap<>();
    private final AtomicReference<Optional<String>> token = new AtomicReference<>(Optional.empty());
    private String tenant;
    private UUID id;
    private TrainingJobResponse job;
    private long appliedSeq;
    private volatile long fetchedSeq;
    private Registration ticking;
    private Registration renewal;
    private UI liveUi;

    /** What one refresh read: the job, then the events after it (so they are at least as new). */
    record Update(TrainingJobResponse job, List<TrainingJobEvent> events) {}

    public TrainingJobView(PlatformApi api, TrainingApi training, LiveUpdates live) {
        super(api);
        this.training = training;
        this.live = live;
    }

    @Override
    protected void show(TenantMembershipResponse membership) {
        // Vaadin keeps this view when the user goes from one job to another: start afresh.
        stopLive();
        job = null;
        epochs.clear();
        log.removeAll();
        tenant = membership.slug();
        id = parse(routeParameter("id"));
        try {
            job = id == null ? null : training.job(tenant, id).orElse(null);
        } catch (PlatformApiException e) {
            Notifications.error(e.getMessage());
            return;
        }
        if (job == null) {
            add(new Notice("Training job not found", "There is no such training job here."));
            return;
        }
        header =
                new JobHeader(
                        tenant, membership.role().atLeast(TenantRole.MEMBER), this::confirmCancel);
        charts = new JobCharts(job.task());
        paused.setId("live-paused");
        paused.setVisible(false);
        add(header, paused, charts, new H3("Log"), log);
        appliedSeq = 0;
        fetchedSeq = 0;
        apply(new Update(job, allEvents()));
        if (isAttached() && !JobText.finished(job.status())) {
            getUI().ifPresent(this::startLive);
        }
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Every event so far, page by page (the server answers at most 500 at a time). */
    private List<TrainingJobEvent> allEvents() {
        List<TrainingJobEvent> all = new java.util.ArrayList<>();
        try {
            for (int page = 0; page < 1000; page++) {
                long after = all.isEmpty() ? 0 : all.get(all.size() - 1).seq();
                List<TrainingJobEvent> next = training.events(tenant, id, after);
                all.addAll(next);
                if (next.isEmpty()) {
                    break;
                }
            }
        } catch (PlatformApiException e) {
            Notifications.error(e.getMessage());
        }
        return all;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        if (job != null && !JobText.finished(job.status())) {
            startLive(event.getUI());
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopLive();
        super.onDetach(event);
    }

    /**
     * Starts the background refresh. The token is taken now, on the request thread, and renewed at
     * every poll of the browser (see {@link #TOKEN_RENEWAL_MILLIS}).
     */
    private void startLive(UI ui) {
        if (ticking != null) {
            return;
        }
        token.set(AccessTokens.current());
        liveUi = ui;
        ui.setPollInterval(TOKEN_RENEWAL_MILLIS);
        renewal =
                ui.addPollListener(
                        e -> AccessTokens.current().ifPresent(t -> token.set(Optional.of(t))));
        JobProgress progress = training.progress(tenant, id, token::get);
        fetchedSeq = appliedSeq;
        ticking = live.every(REFRESH, () -> tick(ui, progress));
    }

    private void stopLive() {
        if (ticking != null) {
            ticking.remove();
            ticking = null;
        }
        if (renewal != null) {
            renewal.remove();
            renewal = null;
            liveUi.setPollInterval(-1);
            liveUi = null;
        }
    }

    /** Runs on the background thread: reads, then hands the result to the UI under its lock. */
    private void tick(UI ui, JobProgress progress) {
        try {
            Update update = fetch(progress);
            ui.access(
                    () -> {
                        // A read that was under way while the page moved to another job.
                        if (update.job().id().equals(id) && ticking != null) {
                            apply(update);
                        }
                    });
        } catch (PlatformApiException e) {
            // A failed read (platform down, a token past its time) may heal: say so, keep trying.
            LOG.debugf("Live update of job %s failed: %s", id, e.getMessage());
            accessQuietly(ui, () -> showPaused(e));
        } catch (UIDetachedException e) {
            stopTicking();
        }
    }

    private void accessQuietly(UI ui, com.vaadin.flow.server.Command command) {
        try {
            ui.access(command);
        } catch (UIDetachedException e) {
            stopTicking();
        }
    }

    /** From the background thread when the UI is gone: only the schedule needs to end. */
    private void stopTicking() {
        Registration r = ticking;
        if (r != null) {
            r.remove();
        }
    }

    private Update fetch(JobProgress progress) {
        TrainingJobResponse now = progress.job();
        List<TrainingJobEvent> events = progress.eventsAfter(fetchedSeq);
        if (!events.isEmpty()) {
            fetchedSeq = events.get(events.size() - 1).seq();
        }
        return new Update(now, events);
    }

    /** Reads what is new and shows it, on the calling (UI) thread. */
    void refresh() {
        try {
            apply(fetch(training.progress(tenant, id, AccessTokens::current)));
        } catch (PlatformApiException e) {
            showPaused(e);
        }
    }

    private void showPaused(PlatformApiException e) {
        // A 401 here is a token that expired between two polls; the next poll brings a fresh one.
        paused.setText(
                e.status() == 401
                        ? "Live updates paused until your sign-in is renewed (a few seconds)."
                        : "Live updates paused: " + e.getMessage());
        paused.setVisible(true);
    }

    /** Applies an update once: events already shown (by seq) are skipped. */
    private void apply(Update update) {
        paused.setVisible(false);
        boolean newEpoch = false;
        boolean newEvents = false;
        for (TrainingJobEvent event : update.events()) {
            if (event.seq() <= appliedSeq) {
                continue;
            }
            appliedSeq = event.seq();
            newEvents = true;
            if (event.type() == JobEventType.EPOCH && event.metrics() != null) {
                // A resumed attempt may repeat an epoch: the later figures win.
                epochs.put(event.metrics().epoch(), event.metrics());
                newEpoch = true;
            }
            log.append(event);
        }
        if (newEpoch || epochs.isEmpty()) {
            charts.show(epochs.values());
        }
        if (newEvents) {
            log.scrollToEnd();
        }
        job = update.job();
        header.show(job);
        if (JobText.finished(job.status())) {
            stopLive();
        }
    }

    private void confirmCancel() {
        DestructiveConfirm.open(
                "Cancel this training job?",
                "A running job stops after its current batch; nothing it learned so far is kept.",
                "Cancel job",
                () -> {
                    try {
                        training.cancel(tenant, id);
                        Notifications.success("Cancel requested");
                    } catch (PlatformApiException e) {
                        Notifications.error(e.getMessage());
                    }
                    refresh();
                });
    }

    /** Whether the background refresh runs; for tests. */
    boolean isLive() {
        return ticking != null;
    }
}
