#include "model/cohort_simulation.hpp"

#include <algorithm>
#include <cmath>

#include "model/decisions.hpp"
#include "model/labour_market.hpp"
#include "model/language_learning.hpp"
#include "model/population_synthesis.hpp"
#include "model/welfare.hpp"

namespace taalwerk {
namespace {

constexpr std::size_t slot(IndicatorId id) { return static_cast<std::size_t>(id); }

// Municipality counter slots: [municipality * 2 + kind].
constexpr std::size_t housed_slot = 0;
constexpr std::size_t in_course_slot = 1;

}  // namespace

CohortSimulation::CohortSimulation(const ModelParameters& parameters, std::uint32_t agents)
    : parameters_(parameters),
      cells_(parameters),
      grid_(agents),
      agents_(agents),
      course_seats_(agents, static_cast<std::uint32_t>(parameters.municipalities.size())),
      municipality_counts_(grid_.chunk_count(), parameters.municipalities.size() * 2),
      municipality_totals_(parameters.municipalities.size() * 2, 0.0),
      seat_capacity_(parameters.municipalities.size(), 0.0),
      tally_(grid_.chunk_count(), cells_.profile_cell_count() * indicator_count),
      profile_totals_(cells_.profile_cell_count() * indicator_count, 0.0) {}

void CohortSimulation::start_replicate(RandomKey key) {
    key_ = key;
    agents_.resize(grid_.agents());
    synthesize_population(parameters_, cells_, key_, grid_, agents_);
}

void CohortSimulation::step(int month, std::span<double> group_totals) {
    update_housing_and_claim_seats(month);
    // Seats free this month: the municipality's seats for its housed adults, minus seats taken.
    municipality_counts_.reduce_into(municipality_totals_);
    for (std::size_t m = 0; m < parameters_.municipalities.size(); ++m) {
        const double seats = std::floor(parameters_.municipalities[m].course_seats_per_100 / 100.0 *
                                        municipality_totals_[m * 2 + housed_slot]);
        seat_capacity_[m] = std::max(0.0, seats - municipality_totals_[m * 2 + in_course_slot]);
    }
    course_seats_.allocate(grid_, seat_capacity_);
    learn_work_and_tally(month);
    reduce_tally(group_totals);
}

void CohortSimulation::update_housing_and_claim_seats(int month) {
    const auto m = static_cast<std::uint32_t>(month);
    grid_.for_each_chunk([&](std::size_t chunk, AgentRange range) {
        auto counts = municipality_counts_.row(chunk);
        std::fill(counts.begin(), counts.end(), 0.0);
        for (std::uint32_t agent = range.begin; agent < range.end; ++agent) {
            if (!agents_.housed[agent] && month >= agents_.housing_month[agent]) agents_.housed[agent] = 1;
            const std::size_t municipality = agents_.municipality[agent];
            counts[municipality * 2 + housed_slot] += agents_.housed[agent];
            const CourseStatus course = agents_.course_status[agent];
            counts[municipality * 2 + in_course_slot] += course == CourseStatus::in_course;
            if (agents_.housed[agent] && (course == CourseStatus::not_started || course == CourseStatus::waiting_for_seat)) {
                // Longest waiting first; equal waits in random order.
                RandomStream tie(key_, agent, m, decisions::course_seat_tie_break);
                course_seats_.claim(agent, municipality, agents_.months_waiting_for_seat[agent], tie.next_u64());
            } else {
                course_seats_.withdraw(agent);
            }
        }
    });
}

void CohortSimulation::learn_work_and_tally(int month) {
    const ModelParameters& p = parameters_;
    const auto m = static_cast<std::uint32_t>(month);
    grid_.for_each_chunk([&](std::size_t chunk, AgentRange range) {
        auto row = tally_.row(chunk);
        std::fill(row.begin(), row.end(), 0.0);
        for (std::uint32_t agent = range.begin; agent < range.end; ++agent) {
            const bool housed = agents_.housed[agent] != 0;
            CourseStatus course = agents_.course_status[agent];
            if (housed && (course == CourseStatus::not_started || course == CourseStatus::waiting_for_seat)) {
                if (course_seats_.granted(agent)) {
                    course = CourseStatus::in_course;
                } else {
                    course = CourseStatus::waiting_for_seat;
                    agents_.months_waiting_for_seat[agent] += 1;
                }
            }

            // Language: lessons in a course, practice at work.
            bool employed = agents_.employed[agent] != 0;
            const bool full_time = agents_.job_full_time[agent] != 0;
            const double lesson_hours = course == CourseStatus::in_course ? p.course_hours_per_week : 0.0;
            const double work_hours =
                employed ? (full_time ? p.full_time_hours_per_week : p.part_time_hours_per_week) : 0.0;
            double proficiency = agents_.proficiency[agent];
            proficiency += monthly_language_gain(p, proficiency, agents_.learnability[agent], lesson_hours, work_hours);
            agents_.proficiency[agent] = static_cast<float>(proficiency);
            const bool was_in_course = course == CourseStatus::in_course;
            if (was_in_course) {
                agents_.months_in_course[agent] += 1;
                if (proficiency >= a2_threshold || agents_.months_in_course[agent] >= p.max_course_months)
                    course = CourseStatus::finished;
            }
            agents_.course_status[agent] = course;

            // Work: separations of those already employed, then job search of those without a job.
            bool seeking = false;
            if (employed) {
                RandomStream separation(key_, agent, m, decisions::job_separation);
                const double rate = agents_.job_permanent[agent] ? p.separation_rate_permanent : p.separation_rate_temporary;
                if (draw_event(separation, rate)) {
                    employed = false;
                    agents_.employed[agent] = 0;
                    agents_.months_in_job[agent] = 0;
                } else {
                    agents_.months_in_job[agent] += 1;
                }
            } else if (housed) {
                const Pathway pathway = p.municipalities[agents_.municipality[agent]].pathway;
                const CourseStatus search_status = was_in_course ? CourseStatus::in_course : course;
                const double intensity = search_intensity(pathway, search_status, p);
                seeking = intensity > 0.0;
                if (seeking) {
                    RandomStream search(key_, agent, m, decisions::job_search);
                    if (draw_event(search, job_finding_probability(p, proficiency, agents_.employability[agent], intensity))) {
                        RandomStream terms(key_, agent, m, decisions::job_offer_terms);
                        employed = true;
                        agents_.employed[agent] = 1;
                        agents_.job_full_time[agent] = !draw_event(terms, p.part_time_share_of_offers);
                        agents_.job_permanent[agent] = !draw_event(terms, p.temporary_share_of_offers);
                        agents_.months_in_job[agent] = 0;
                        if (agents_.first_job_month[agent] < 0) agents_.first_job_month[agent] = static_cast<std::int16_t>(month);
                    }
                }
            }

            const bool job_full_time = employed && agents_.job_full_time[agent];
            const bool job_permanent = employed && agents_.job_permanent[agent];
            const double bijstand = housed ? monthly_bijstand(p, monthly_earnings(p, employed, job_full_time)) : 0.0;
            const std::uint16_t months_in_job = agents_.months_in_job[agent];
            const CefrLevel level = cefr_level(proficiency);

            double* cell = row.data() + static_cast<std::size_t>(agents_.profile_cell[agent]) * indicator_count;
            cell[slot(IndicatorId::persons)] += 1.0;
            cell[slot(IndicatorId::in_reception)] += !housed;
            cell[slot(IndicatorId::housed)] += housed;
            cell[slot(IndicatorId::waiting_for_course_seat)] += course == CourseStatus::waiting_for_seat;
            cell[slot(IndicatorId::in_language_course)] += was_in_course;
            cell[slot(IndicatorId::seeking_work)] += seeking;
            cell[slot(IndicatorId::in_paid_work)] += employed;
            cell[slot(IndicatorId::in_part_time_work)] += employed && !job_full_time;
            cell[slot(IndicatorId::in_full_time_work)] += job_full_time;
            cell[slot(IndicatorId::in_temporary_work)] += employed && !job_permanent;
            cell[slot(IndicatorId::in_permanent_work)] += job_permanent;
            cell[slot(IndicatorId::ever_worked)] += agents_.first_job_month[agent] >= 0;
            cell[slot(IndicatorId::in_work_6_months_or_more)] += employed && months_in_job >= 6;
            cell[slot(IndicatorId::in_work_12_months_or_more)] += employed && months_in_job >= 12;
            cell[slot(IndicatorId::on_bijstand)] += bijstand > 0.0;
            cell[slot(IndicatorId::language_below_a1) + static_cast<std::size_t>(level)] += 1.0;
            cell[slot(IndicatorId::cost_bijstand)] += bijstand;
            cell[slot(IndicatorId::cost_total)] += bijstand;
        }
    });
}

void CohortSimulation::reduce_tally(std::span<double> group_totals) {
    tally_.reduce_into(profile_totals_);
    std::fill(group_totals.begin(), group_totals.end(), 0.0);
    const std::size_t groups = cells_.group_count();
    // Profile cells in index order, so group sums are as deterministic as the chunk sums.
    for (std::size_t cell = 0; cell < cells_.profile_cell_count(); ++cell) {
        const double* values = profile_totals_.data() + cell * indicator_count;
        for (const std::uint16_t group : cells_.groups_of(cell))
            for (std::size_t indicator = 0; indicator < indicator_count; ++indicator)
                group_totals[indicator * groups + group] += values[indicator];
    }
}

}  // namespace taalwerk
