"""Public employment service: job seekers, vacancies, matching, referrals and placements."""
