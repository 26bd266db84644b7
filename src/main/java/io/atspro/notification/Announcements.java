package io.atspro.notification;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** System announcements to every user, one notification each. */
@ApplicationScoped
class Announcements {

    private final DataSource dataSource;
    private final NotificationService notifications;

    Announcements(DataSource dataSource, NotificationService notifications) {
        this.dataSource = dataSource;
        this.notifications = notifications;
    }

    int toEveryone(NotificationAdminResource.Announcement a) {
        String key = "announcement:" + UUID.randomUUID();
        int sent = 0;
        for (String userId : users()) {
            NewNotification n = NewNotification.of(userId, NotificationType.SYSTEM_ANNOUNCEMENT, a.title(),
                    a.message(), null, null).withDedupKey(key);
            if (notifications.notify(a.priority() == null ? n : n.withPriority(a.priority())).isPresent()) {
                sent++;
            }
        }
        return sent;
    }

    private List<String> users() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT id FROM \"user\" ORDER BY id")) {
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list users", e);
        }
    }
}
