package io.atspro.notification;

import io.atspro.shared.PageRequest;
import io.atspro.shared.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Creates notifications as the user's preferences say (a type turned off is not created; inside quiet hours
 * delivery waits until they end) and serves the user's list.
 */
@ApplicationScoped
public class NotificationService {

    private final NotificationStore store;
    private final PreferencesService preferences;
    private final Event<LiveHub.Ready> ready;
    private final Clock clock;

    NotificationService(NotificationStore store, PreferencesService preferences, Event<LiveHub.Ready> ready,
            Clock clock) {
        this.store = store;
        this.preferences = preferences;
        this.ready = ready;
        this.clock = clock;
    }

    /** Empty when the user turned this type off, or already has this dedup key. Joins the caller's transaction. */
    @Transactional
    public Optional<NotificationView> notify(NewNotification n) {
        NotificationPreferences prefs = preferences.of(n.userId());
        if (!prefs.allows(n.type())) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant deliverAt = prefs.deliveryTime(now);
        boolean immediate = !deliverAt.isAfter(now);
        Optional<NotificationView> view = store.insert(n, now, deliverAt, immediate ? now : null);
        if (immediate) {
            view.ifPresent(v -> ready.fire(new LiveHub.Ready(n.userId(), v)));
        }
        return view;
    }

    /** Delivers the notifications whose quiet hours have ended; each once, whichever pod claims it. */
    @Transactional
    public int deliverDue(Instant now) {
        List<NotificationStore.Stored> due = store.claimDue(now, 500);
        due.forEach(s -> ready.fire(new LiveHub.Ready(s.userId(), s.view())));
        return due.size();
    }

    /** A page of the user's list with the unread count. */
    @Schema(name = "NotificationPage")
    public record Listing(List<NotificationView> items, int page, int size, long total, long unreadCount) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Listing list(String userId, boolean unreadOnly, String type, PageRequest page) {
        NotificationStore.Listing l = store.list(userId, unreadOnly, type, page.page(), page.size(), clock.instant());
        return new Listing(l.items(), page.page(), page.size(), l.total(), l.unread());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long unreadCount(String userId) {
        return store.unread(userId, clock.instant());
    }

    @Transactional
    public NotificationView markRead(String userId, UUID id) {
        return store.markRead(userId, id, clock.instant())
                .orElseThrow(() -> new ResourceNotFoundException("Notification"));
    }

    @Transactional
    public int markAllRead(String userId) {
        return store.markAllRead(userId, clock.instant());
    }

    @Transactional
    public void delete(String userId, UUID id) {
        if (!store.delete(userId, id)) {
            throw new ResourceNotFoundException("Notification");
        }
    }

    /** What a reconnecting stream missed (at most 500, oldest first). */
    @Transactional(Transactional.TxType.SUPPORTS)
    List<NotificationView> missed(String userId, long lastSeen) {
        return store.after(userId, lastSeen, clock.instant(), 500);
    }

}
