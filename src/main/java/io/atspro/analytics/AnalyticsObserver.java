package io.atspro.analytics;

import io.atspro.application.ApplicationStatus;
import io.atspro.application.ApplicationStatusChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Reacts to committed application status changes: records the event and drops the user's cached dashboards.
 * Neither may fail the change that already committed, so failures are logged.
 */
@ApplicationScoped
class AnalyticsObserver {

    private static final Logger LOG = Logger.getLogger(AnalyticsObserver.class);

    private final AnalyticsRecorder recorder;
    private final DashboardService dashboards;
    private final DataSource dataSource;

    AnalyticsObserver(AnalyticsRecorder recorder, DashboardService dashboards, DataSource dataSource) {
        this.recorder = recorder;
        this.dashboards = dashboards;
        this.dataSource = dataSource;
    }

    void onStatusChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ApplicationStatusChanged change) {
        dashboards.invalidate(change.userId());
        try {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("from", change.from() == null ? null : change.from().code());
            data.put("to", change.to().code());
            data.put("changed_by", change.changedBy());
            data.put("company_name", change.companyName());
            data.put("job_title", change.jobTitle());
            if (change.to() == ApplicationStatus.INTERVIEWING || change.to() == ApplicationStatus.OFFERED) {
                resumeUsed(change, data);
            }
            recorder.record(change.userId(), "application_status_changed", "application", change.applicationId(),
                    data, change.at());
        } catch (RuntimeException e) {
            LOG.warnf("Could not record the status change of application %s: %s", change.applicationId(),
                    e.getMessage());
        }
    }

    /** The resume the application was sent with and its version now, kept with the event that an interview came of it. */
    private void resumeUsed(ApplicationStatusChanged change, Map<String, Object> data) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT a.resume_id, r.version FROM applications a "
                     + "LEFT JOIN resumes r ON r.id = a.resume_id WHERE a.id = ? AND a.user_id = ?")) {
            st.setObject(1, change.applicationId());
            st.setString(2, change.userId());
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next() && rs.getString(1) != null) {
                    data.put("resume_id", rs.getString(1));
                    data.put("resume_version", rs.getInt(2));
                }
            }
        } catch (SQLException e) {
            LOG.debugf("No resume recorded with the event of %s: %s", change.applicationId(), e.getMessage());
        }
    }
}
