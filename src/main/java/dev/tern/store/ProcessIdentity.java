package dev.tern.store;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * A Tern process as the rows it claims on a shared database name it (a lease, a claimed outbox message): its host
 * name with a random id of its JVM ({@code host#jvm}), and its pid. The JVM id keeps a restarted container, whose
 * new process got the old pid (often 1) under the same host name, from mistaking a dead holder's claim for its own or
 * for a live one.
 *
 * @param name {@code host#jvm} (or a bare host name, as older versions wrote it)
 * @param pid the process id on that host
 */
public record ProcessIdentity(String name, long pid) {

    private static final char JVM_MARK = '#';

    /** This process. */
    public static final ProcessIdentity THIS = new ProcessIdentity(
            hostName() + JVM_MARK + UUID.randomUUID().toString().substring(0, 8),
            ProcessHandle.current().pid());

    /** The host part of the name. */
    public String host() {
        int mark = name.lastIndexOf(JVM_MARK);
        return mark < 0 ? name : name.substring(0, mark);
    }

    /**
     * Whether what {@code other} claimed may still be worked on, as far as this process can tell: a process on
     * another host may be (only its claim's expiry tells); on this host, a process of this JVM is alive while it
     * is this one, and one of another JVM while its pid runs and is not this process's own (a restarted container
     * reuses its pid).
     */
    public boolean mayBeAlive(ProcessIdentity other) {
        if (!other.host().equals(host())) {
            return true;
        }
        if (other.name.equals(name)) {
            return other.pid == pid;
        }
        return other.pid != pid && ProcessHandle.of(other.pid).isPresent();
    }

    /** "pid 12 on host", for messages. */
    public String describe() {
        return "pid " + pid + " on " + host();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
