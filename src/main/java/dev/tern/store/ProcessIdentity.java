package dev.tern.store;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A Tern process as the rows it claims on a shared database name it (a lease, a claimed outbox message): its host
 * name and pid namespace with a random id of its JVM ({@code host~pidns#jvm}), and its pid. Two processes are on "the
 * same host" only when both the host name and the pid namespace match, that is when one can see the other's pid: two
 * containers given one host name ({@code docker compose run} beside a running service) are not. The JVM id keeps a
 * restarted container, whose new process got the old pid (often 1) in the same namespace, from mistaking a dead
 * holder's claim for its own or for a live one.
 *
 * @param name {@code host#jvm} (or a bare host name, as older versions wrote it)
 * @param pid the process id on that host
 */
public record ProcessIdentity(String name, long pid) {

    private static final char JVM_MARK = '#';
    private static final char NAMESPACE_MARK = '~';

    /** This process. */
    public static final ProcessIdentity THIS = new ProcessIdentity(
            hostName()
                    + pidNamespace()
                    + JVM_MARK
                    + UUID.randomUUID().toString().substring(0, 8),
            ProcessHandle.current().pid());

    /** The host part of the name: the host name and pid namespace, within which a pid names one process. */
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
        if (!sameHost(other)) {
            return true;
        }
        if (other.name.equals(name)) {
            return other.pid == pid;
        }
        return other.pid != pid && ProcessHandle.of(other.pid).isPresent();
    }

    /** "pid 12 on host", for messages. */
    public String describe() {
        return "pid " + pid + " on " + withoutNamespace(host());
    }

    /**
     * Whether a pid of {@code other} names a process this one can see: same host name and pid namespace (a name
     * written by an older Tern, without a namespace, is taken to be of this namespace when the host name matches).
     */
    private boolean sameHost(ProcessIdentity other) {
        String theirs = other.host();
        return theirs.equals(host()) || (theirs.indexOf(NAMESPACE_MARK) < 0 && theirs.equals(withoutNamespace(host())));
    }

    private static String withoutNamespace(String host) {
        int namespace = host.indexOf(NAMESPACE_MARK);
        return namespace < 0 ? host : host.substring(0, namespace);
    }

    /** "~4026531836", the inode of this process's pid namespace on Linux, or "" where there is none to read. */
    private static String pidNamespace() {
        try {
            String link = Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString(); // pid:[4026531836]
            String digits = link.replaceAll("\\D", "");
            return digits.isEmpty() ? "" : NAMESPACE_MARK + digits;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return "";
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
