package dev.tern.testing;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The PostgreSQL server binaries that zonky ships as a Maven artifact ({@code postgres-linux-x86_64.txz} on the
 * test class path), unpacked into a folder that every user may read and run, so that a server started as an
 * unprivileged user can use them.
 */
final class PostgresBinaries {

    private static final Set<PosixFilePermission> READ_ONLY = EnumSet.of(
            PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.OTHERS_READ);
    private static final Set<PosixFilePermission> RUNNABLE = EnumSet.of(
            PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_EXECUTE);

    private PostgresBinaries() {}

    /** Unpacks the binaries for this machine into {@code folder}; its {@code bin/} holds initdb and pg_ctl. */
    static void unpack(Path folder) throws IOException {
        if (!System.getProperty("os.name").startsWith("Linux")) {
            throw new IllegalStateException(
                    "the test PostgreSQL ships binaries for Linux only, not for " + System.getProperty("os.name"));
        }
        Files.createDirectories(folder);
        Files.setPosixFilePermissions(folder, RUNNABLE);
        try (InputStream txz =
                        DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", System.getProperty("os.arch"));
                TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(txz))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                write(folder, tar, entry);
            }
        }
    }

    private static void write(Path folder, TarArchiveInputStream tar, TarArchiveEntry entry) throws IOException {
        Path target = folder.resolve(entry.getName()).normalize();
        if (!target.startsWith(folder)) {
            throw new IOException("archive entry " + entry.getName() + " points outside " + folder);
        }
        if (entry.isDirectory()) {
            Files.createDirectories(target);
            Files.setPosixFilePermissions(target, RUNNABLE);
            return;
        }
        Files.createDirectories(target.getParent());
        if (entry.isSymbolicLink()) {
            Files.deleteIfExists(target);
            Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
            return;
        }
        Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
        boolean executable = (entry.getMode() & 0100) != 0;
        Files.setPosixFilePermissions(target, executable ? RUNNABLE : READ_ONLY);
    }
}
