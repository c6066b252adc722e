package org.mlplatform.contract.concurrent;

/**
 * A daemon thread that runs a step again and again from {@link #start} until {@link #stop}, which
 * also interrupts it: a step that waits should return when interrupted.
 */
public final class DaemonLoop {

    private final String name;
    private final Runnable step;
    private volatile boolean running;
    private Thread thread;

    public DaemonLoop(String name, Runnable step) {
        this.name = name;
        this.step = step;
    }

    public synchronized void start() {
        running = true;
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** False once stopped: a long step checks it between its parts. */
    public boolean running() {
        return running;
    }

    private void run() {
        while (running) {
            step.run();
        }
    }
}
