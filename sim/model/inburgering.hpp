#pragma once
// Inburgering (civic integration) under the old (2013) and new (2022) law: which route a person
// follows, how many lesson hours a month they get and who pays, and the exam.
#include <cmath>
#include <cstdint>

#include "model/model_parameters.hpp"
#include "model/population_groups.hpp"

namespace taalwerk {

enum class InburgeringRoute : std::uint8_t { old_exam, b1_route, education_route, z_route };
enum class InburgeringStatus : std::uint8_t { pending, passed, exempt, route_completed };

inline constexpr double b1_threshold = 3.0;
inline constexpr double a2_level = 2.0;

// The route of a person (new law: decided at the broad intake).
inline InburgeringRoute choose_route(const InburgeringParameters& p, double learnability, Education education,
                                     AgeBand age) {
    if (p.regime == InburgeringRegime::old_2013) return InburgeringRoute::old_exam;
    if (learnability < p.z_route_learnability_below) return InburgeringRoute::z_route;
    if (static_cast<int>(age) <= p.education_route_max_age_band && education >= Education::upper_secondary)
        return InburgeringRoute::education_route;
    return InburgeringRoute::b1_route;
}

inline double target_level(InburgeringRoute route) {
    return route == InburgeringRoute::old_exam ? a2_level : b1_threshold;
}

// The milestone of the routes aiming at B1 (B1-route, onderwijsroute): A2 reached. From it on a
// learner searches and is activated towards work while the course goes on.
inline bool past_a2_milestone(InburgeringRoute route, double proficiency) {
    return ((route == InburgeringRoute::b1_route) | (route == InburgeringRoute::education_route)) & (proficiency >= a2_level);
}

struct LessonMonth {
    double hours_per_week = 0.0;
    double loan_spent = 0.0;         // old law: drawn from the DUO loan
    double municipal_cost = 0.0;     // paid by the municipality
    bool out_of_funds = false;       // old law: loan used up and the municipality does not pay
};

// Lessons this month for someone in a course. `loan_spent_so_far` only matters under the old law.
inline LessonMonth lesson_month(const ModelParameters& p, InburgeringRoute route, double loan_spent_so_far,
                                bool municipality_pays_after_loan) {
    const InburgeringParameters& i = p.inburgering;
    LessonMonth lessons;
    const double price = i.course_cost_per_hour * weeks_per_month;  // EUR per weekly hour per month
    switch (route) {
        case InburgeringRoute::old_exam: {
            const double wanted = p.course_hours_per_week;
            const double loan_left = std::max(0.0, i.loan_limit - loan_spent_so_far);
            const double affordable = price > 0.0 ? std::min(loan_left, i.max_spend_per_quarter / 3.0) / price : wanted;
            const double from_loan = std::min(wanted, affordable);
            lessons.hours_per_week = from_loan;
            lessons.loan_spent = from_loan * price;
            if (loan_left <= 0.0) {
                if (municipality_pays_after_loan) {
                    lessons.hours_per_week = wanted;
                    lessons.municipal_cost = wanted * price;
                } else {
                    lessons.out_of_funds = true;
                }
            }
            return lessons;
        }
        case InburgeringRoute::b1_route:
        case InburgeringRoute::education_route:
            lessons.hours_per_week = i.b1_route_hours_per_week;
            break;
        case InburgeringRoute::z_route:
            lessons.hours_per_week = i.z_route_hours_per_week;
            break;
    }
    lessons.municipal_cost = lessons.hours_per_week * price;
    return lessons;
}

// Probability of passing at this proficiency: 1/2 at the target level, logistic around it.
inline double exam_pass_probability(const InburgeringParameters& p, double proficiency, double target) {
    return 1.0 / (1.0 + std::exp(-(proficiency - target) / p.exam_pass_scale));
}

}  // namespace taalwerk
