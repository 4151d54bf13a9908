-- Serves the caseload query (allocation.CaseloadRepository.caseloadsOf), run by every allocation: each advisor's
-- latest allocation is the last entry of this index for them, so it is read without going through every case the
-- advisor ever held. (Their open cases come from rrp_case_allocation_advisor: advisor_id, closed_at is null.)
create index rrp_case_allocation_latest on rrp_case_allocation (advisor_id, allocated_at);
