#pragma once
// Monthly language gain: lesson hours and practice hours, each scaled by the person's
// learnability and by diminishing returns towards a ceiling.
#include <algorithm>

#include "model/model_parameters.hpp"

namespace taalwerk {

enum class CefrLevel : int { below_a1, a1, a2, b1, b2_or_higher };

// Latent proficiency: A1 = 1, A2 = 2, B1 = 3, B2 = 4.
inline CefrLevel cefr_level(double proficiency) {
    if (proficiency < 1.0) return CefrLevel::below_a1;
    if (proficiency < 2.0) return CefrLevel::a1;
    if (proficiency < 3.0) return CefrLevel::a2;
    if (proficiency < 4.0) return CefrLevel::b1;
    return CefrLevel::b2_or_higher;
}

inline constexpr double a2_threshold = 2.0;

// Time crowding: lessons followed next to work or a placement (a share lost at a full week).
inline double lesson_hours_after_work(const ModelParameters& p, double lesson_hours_per_week, double work_hours_per_week) {
    const double full_week = 36.0;
    return lesson_hours_per_week * std::max(0.0, 1.0 - p.work_time_crowding * std::min(1.0, work_hours_per_week / full_week));
}

inline double monthly_language_gain(const ModelParameters& p, double proficiency, double learnability,
                                    double lesson_hours_per_week, double practice_hours_per_week) {
    const double headroom = std::max(0.0, 1.0 - proficiency / p.proficiency_ceiling);
    const double hours_gain = p.gain_per_lesson_hour * lesson_hours_per_week +
                              p.practice_gain_per_work_hour * practice_hours_per_week;
    return hours_gain * weeks_per_month * learnability * headroom;
}

}  // namespace taalwerk
