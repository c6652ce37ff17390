#pragma once
// Job finding: a hazard built from the base rate, tightness, Dutch level, the person's
// employability and the search intensity their pathway allows this month.
#include <cmath>

#include "model/agent_store.hpp"
#include "model/model_parameters.hpp"

namespace taalwerk {

// Search intensity (0 = not searching) for a housed person without a job.
inline double search_intensity(Pathway pathway, CourseStatus course, const ModelParameters& p) {
    const bool in_or_awaiting_course = course == CourseStatus::in_course || course == CourseStatus::waiting_for_seat ||
                                       course == CourseStatus::not_started;
    if (!in_or_awaiting_course) return 1.0;
    switch (pathway) {
        case Pathway::sequential: return 0.0;  // work only after the language milestone
        case Pathway::parallel: return course == CourseStatus::in_course ? p.course_lock_in_factor : 1.0;
        case Pathway::work_first: return 1.0;
    }
    return 0.0;
}

inline double job_finding_probability(const ModelParameters& p, double proficiency, double employability,
                                      double intensity) {
    const double rate = p.base_job_finding_rate * p.tightness * employability * intensity *
                        std::exp(p.language_effect * (proficiency - 2.0));
    return 1.0 - std::exp(-rate);
}

}  // namespace taalwerk
