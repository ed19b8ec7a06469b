package id.loket.users;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The audit log held in memory, for tests of services that record into it. */
public final class MemoryAuditStore implements AuditStore {

    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized AuditEntry append(Instant at, Optional<String> operator, AuditAction action,
            Optional<String> subject, String detail) {
        AuditEntry entry = new AuditEntry(entries.size() + 1L, at, operator, action, subject, detail);
        entries.add(entry);
        return entry;
    }

    @Override
    public synchronized List<AuditEntry> find(AuditQuery query) {
        return entries.stream()
                .filter(e -> query.operator().isEmpty() || e.operator().equals(query.operator()))
                .filter(e -> query.action().isEmpty() || query.action().get() == e.action())
                .filter(e -> query.from().isEmpty() || !e.at().isBefore(query.from().get()))
                .filter(e -> query.until().isEmpty() || e.at().isBefore(query.until().get()))
                .toList();
    }

    public synchronized List<AuditEntry> all() {
        return List.copyOf(entries);
    }
}
