package dev.tern.deliver;

import dev.tern.store.AdminNotice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Admin notices as WARN log lines, when no admin channel is configured. */
public final class LogNoticeSink implements NoticeSink {

    private static final Logger log = LoggerFactory.getLogger("dev.tern.admin");

    @Override
    public void tell(AdminNotice notice) {
        log.warn("Admin notice ({}): {}", notice.kind(), notice.message());
    }
}
