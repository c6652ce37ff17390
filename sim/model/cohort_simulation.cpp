#include "model/cohort_simulation.hpp"

#include <algorithm>
#include <cmath>

#include "model/decisions.hpp"
#include "model/inburgering.hpp"
#include "model/labour_market.hpp"
#include "model/language_learning.hpp"
#include "model/population_synthesis.hpp"
#include "model/welfare.hpp"
#include "random/waiting_time.hpp"

namespace taalwerk {
namespace {

constexpr std::size_t slot(IndicatorId id) { return static_cast<std::size_t>(id); }
static_assert(slot(IndicatorId::language_b2_or_higher) - slot(IndicatorId::language_below_a1) == 4,
              "language indicators follow CefrLevel order");

// Municipality counter slots: [municipality * counter_kinds + kind].
constexpr std::size_t counter_kinds = 3;
constexpr std::size_t housed_slot = 0;
constexpr std::size_t in_course_slot = 1;
constexpr std::size_t client_slot = 2;

bool awaiting_course(CourseStatus course) {
    return course == CourseStatus::not_started || course == CourseStatus::waiting_for_seat;
}

}  // namespace

CohortSimulation::CohortSimulation(const ModelParameters& parameters, std::uint32_t agents)
    : parameters_(parameters),
      cells_(parameters),
      grid_(agents),
      agents_(agents),
      course_seats_(agents, static_cast<std::uint32_t>(parameters.municipalities.size())),
      intakes_(agents, static_cast<std::uint32_t>(parameters.municipalities.size())),
      municipality_counts_(grid_.chunk_count(), parameters.municipalities.size() * counter_kinds),
      municipality_totals_(parameters.municipalities.size() * counter_kinds, 0.0),
      seat_capacity_(parameters.municipalities.size(), 0.0),
      intake_capacity_(parameters.municipalities.size(), 0.0),
      guidance_(parameters.municipalities.size()),
      tally_(grid_.chunk_count(), cells_.profile_cell_count() * indicator_count),
      profile_totals_(cells_.profile_cell_count() * indicator_count, 0.0) {}

void CohortSimulation::start_replicate(RandomKey key) {
    key_ = key;
    agents_.resize(grid_.agents());
    synthesize_population(parameters_, cells_, key_, grid_, agents_);
}

void CohortSimulation::step(int month, std::span<double> group_totals) {
    update_housing_and_claim(month);
    size_pools();
    course_seats_.allocate(grid_, seat_capacity_);
    intakes_.allocate(grid_, intake_capacity_);
    // Guidance this month: the clients at the start of the month plus this month's intakes.
    for (std::size_t m = 0; m < parameters_.municipalities.size(); ++m) {
        const MunicipalityParameters& municipality = parameters_.municipalities[m];
        const double new_clients = municipality.guidance_months > 0 ? intakes_.result(static_cast<std::uint32_t>(m)).granted : 0.0;
        const double clients = municipality_totals_[m * counter_kinds + client_slot] + new_clients;
        guidance_[m] = guidance_month(parameters_.caseworkers, municipality, clients,
                                      municipality_totals_[m * counter_kinds + housed_slot]);
    }
    learn_work_and_tally(month);
    reduce_tally(group_totals);
}

void CohortSimulation::size_pools() {
    municipality_counts_.reduce_into(municipality_totals_);
    for (std::size_t m = 0; m < parameters_.municipalities.size(); ++m) {
        const MunicipalityParameters& municipality = parameters_.municipalities[m];
        const double housed = municipality_totals_[m * counter_kinds + housed_slot];
        // Seats: the municipality's seats for its housed adults, minus seats taken.
        const double seats = std::floor(municipality.course_seats_per_100 / 100.0 * housed);
        seat_capacity_[m] = std::max(0.0, seats - municipality_totals_[m * counter_kinds + in_course_slot]);
        // Intakes: what the staffing ceiling can still take on.
        const double clients = municipality_totals_[m * counter_kinds + client_slot];
        intake_capacity_[m] = std::max(0.0, std::floor(client_capacity(municipality, housed)) - clients);
    }
}

void CohortSimulation::update_housing_and_claim(int month) {
    const auto m = static_cast<std::uint32_t>(month);
    const bool new_law = parameters_.inburgering.regime == InburgeringRegime::new_2022;
    grid_.for_each_chunk([&](std::size_t chunk, AgentRange range) {
        auto counts = municipality_counts_.row(chunk);
        std::fill(counts.begin(), counts.end(), 0.0);
        for (std::uint32_t agent = range.begin; agent < range.end; ++agent) {
            const std::size_t municipality = agents_.municipality[agent];
            if (!agents_.housed[agent] && month >= agents_.housing_month[agent]) {
                agents_.housed[agent] = 1;
                // The route depends only on fixed attributes: set on arrival, used under the new law.
                agents_.inburgering_route[agent] = static_cast<std::uint8_t>(choose_route(
                    parameters_.inburgering, agents_.learnability[agent], static_cast<Education>(agents_.education[agent]),
                    static_cast<AgeBand>(agents_.age_band[agent])));
            }
            const bool housed = agents_.housed[agent] != 0;
            const bool family_approach_partner = is_family_approach_partner(agent, parameters_.municipalities[municipality]);
            const CourseStatus course = agents_.course_status[agent];
            const bool guided = agents_.intake_done[agent] && agents_.guidance_months_left[agent] > 0;
            double* counter = counts.data() + municipality * counter_kinds;
            counter[housed_slot] += housed;
            counter[in_course_slot] += course == CourseStatus::in_course;
            counter[client_slot] += guided;

            // Course seats: longest waiting first, equal waits in random order. Under the new
            // law the course starts only after the broad intake (municipal regie).
            if (housed && awaiting_course(course) && (!new_law || agents_.intake_done[agent] || family_approach_partner)) {
                RandomStream tie(key_, agent, m, decisions::course_seat_tie_break);
                course_seats_.claim(agent, static_cast<std::uint32_t>(municipality), agents_.months_waiting_for_seat[agent],
                                    tie.next_u64());
            } else {
                course_seats_.withdraw(agent);
            }
            if (housed && !agents_.intake_done[agent] && !family_approach_partner) {
                RandomStream tie(key_, agent, m, decisions::intake_tie_break);
                intakes_.claim(agent, static_cast<std::uint32_t>(municipality), agents_.months_waiting_for_intake[agent],
                               tie.next_u64());
            } else {
                intakes_.withdraw(agent);
            }
        }
    });
}

void CohortSimulation::learn_work_and_tally(int month) {
    const ModelParameters& p = parameters_;
    const InburgeringParameters& ib = p.inburgering;
    const auto m = static_cast<std::uint32_t>(month);
    grid_.for_each_chunk([&](std::size_t chunk, AgentRange range) {
        auto row = tally_.row(chunk);
        std::fill(row.begin(), row.end(), 0.0);
        for (std::uint32_t agent = range.begin; agent < range.end; ++agent) {
            const bool housed = agents_.housed[agent] != 0;
            const std::size_t municipality_index = agents_.municipality[agent];
            const MunicipalityParameters& municipality = p.municipalities[municipality_index];
            const GuidanceMonth& guidance = guidance_[municipality_index];

            // Intake: the broad intake starts guidance and, under the new law, fixes the route.
            const bool abroad = agents_.nareiziger[agent] && !housed;
            const bool family_approach_partner = is_family_approach_partner(agent, municipality);
            const bool carer = m < agents_.young_children_until[agent];
            const double time_factor = carer ? p.young_children_time_factor : 1.0;
            bool waiting_for_intake = false;
            if (housed && !agents_.intake_done[agent] && !family_approach_partner) {
                if (intakes_.granted(agent)) {
                    agents_.intake_done[agent] = 1;
                    agents_.guidance_months_left[agent] = static_cast<std::uint16_t>(municipality.guidance_months);
                } else {
                    waiting_for_intake = true;
                    agents_.months_waiting_for_intake[agent] += 1;
                }
            }
            const bool guided = agents_.intake_done[agent] && agents_.guidance_months_left[agent] > 0;

            CourseStatus course = agents_.course_status[agent];
            if (housed && awaiting_course(course)) {
                if (course_seats_.granted(agent)) {
                    course = CourseStatus::in_course;
                } else {
                    course = CourseStatus::waiting_for_seat;
                    agents_.months_waiting_for_seat[agent] += 1;
                }
            }

            // Lessons: hours and who pays, by law and route.
            const auto route = static_cast<InburgeringRoute>(agents_.inburgering_route[agent]);
            LessonMonth lessons;
            if (course == CourseStatus::in_course) {
                lessons = lesson_month(p, route, agents_.loan_spent[agent], municipality.pays_courses_after_loan);
                lessons.hours_per_week *= time_factor;
                agents_.loan_spent[agent] += static_cast<float>(lessons.loan_spent);
                agents_.lesson_hours[agent] = static_cast<std::uint16_t>(std::min(
                    60000.0, agents_.lesson_hours[agent] + lessons.hours_per_week * weeks_per_month));
            }

            // Health: onset at the drawn month; care access and recovery month by month.
            bool unwell = agents_.mental_health_problem[agent] != 0;
            bool in_care = false;
            if (unwell) {
                RandomStream health(key_, agent, m, decisions::health_transition);
                in_care = draw_event(health, municipality.mental_health_care_access);
                const double recovery = in_care ? p.health.recovery_rate_with_care : p.health.recovery_rate_without_care;
                if (draw_event(health, recovery)) {
                    unwell = false;
                    RandomStream onset(key_, agent, m, decisions::health_onset_time);
                    const std::uint32_t next = m + 1u + draw_months_without_event(onset, p.health.onset_rate);
                    agents_.health_onset_month[agent] = static_cast<std::uint16_t>(std::min<std::uint32_t>(next, never));
                }
            } else if (m == agents_.health_onset_month[agent]) {
                unwell = true;
            }
            agents_.mental_health_problem[agent] = unwell;
            const double learnability = agents_.learnability[agent] * (unwell ? p.mental_health_learning_factor : 1.0);
            const double employability = agents_.employability[agent] * (unwell ? p.mental_health_job_factor : 1.0);

            // Language: lessons in a course, practice at work.
            bool employed = agents_.employed[agent] != 0;
            const bool full_time = agents_.job_full_time[agent] != 0;
            const double work_hours =
                employed ? (full_time ? p.full_time_hours_per_week : p.part_time_hours_per_week) : 0.0;
            double proficiency = agents_.proficiency[agent];
            proficiency += monthly_language_gain(p, proficiency, learnability, lessons.hours_per_week, work_hours);
            agents_.proficiency[agent] = static_cast<float>(proficiency);

            // Exam and the end of the course.
            auto status = static_cast<InburgeringStatus>(agents_.inburgering_status[agent]);
            const bool was_in_course = course == CourseStatus::in_course;
            if (was_in_course) {
                agents_.months_in_course[agent] += 1;
                if (agents_.months_since_exam[agent] < 255) agents_.months_since_exam[agent] += 1;
                if (route == InburgeringRoute::z_route) {
                    if (agents_.lesson_hours[agent] >= ib.z_route_lesson_hours) status = InburgeringStatus::route_completed;
                } else if (status == InburgeringStatus::pending) {
                    const double target = target_level(route);
                    if (proficiency >= target - ib.exam_ready_margin && agents_.months_since_exam[agent] >= ib.months_between_exams) {
                        RandomStream exam(key_, agent, m, decisions::inburgering_exam);
                        agents_.months_since_exam[agent] = 0;
                        agents_.exam_attempts[agent] = static_cast<std::uint8_t>(std::min(250, agents_.exam_attempts[agent] + 1));
                        if (draw_event(exam, exam_pass_probability(ib, proficiency, target))) status = InburgeringStatus::passed;
                    }
                    if (status == InburgeringStatus::pending && route == InburgeringRoute::old_exam &&
                        agents_.lesson_hours[agent] >= ib.exemption_lesson_hours &&
                        agents_.exam_attempts[agent] >= ib.exemption_exam_attempts)
                        status = InburgeringStatus::exempt;
                }
                if (status != InburgeringStatus::pending || lessons.out_of_funds ||
                    agents_.months_in_course[agent] >= p.max_course_months)
                    course = CourseStatus::finished;
            }
            agents_.course_status[agent] = course;
            agents_.inburgering_status[agent] = static_cast<std::uint8_t>(status);

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
                const CourseStatus search_status = was_in_course ? CourseStatus::in_course : course;
                double intensity = search_intensity(municipality.pathway, search_status, p);
                intensity *= guided ? guidance.search_factor
                                    : (agents_.intake_done[agent] ? 1.0 : p.caseworkers.unguided_search_factor);
                intensity *= time_factor;
                seeking = intensity > 0.0;
                if (seeking) {
                    RandomStream search(key_, agent, m, decisions::job_search);
                    if (draw_event(search, job_finding_probability(p, proficiency, employability, intensity))) {
                        RandomStream terms(key_, agent, m, decisions::job_offer_terms);
                        const bool offer_full_time = !draw_event(terms, p.part_time_share_of_offers);
                        const bool offer_permanent = !draw_event(terms, p.temporary_share_of_offers);
                        // Accepting weighs the net gain after the bijstand offset (the poverty trap).
                        const Household household = household_of(agent);
                        const double net_gain = net_gain_of_job(p, monthly_earnings(p, true, offer_full_time),
                                                                household.norm, household.partner_earnings);
                        RandomStream acceptance(key_, agent, m, decisions::job_acceptance);
                        if (draw_event(acceptance, job_acceptance_probability(p, net_gain))) {
                            employed = true;
                            agents_.employed[agent] = 1;
                            agents_.job_full_time[agent] = offer_full_time;
                            agents_.job_permanent[agent] = offer_permanent;
                            agents_.months_in_job[agent] = 0;
                            if (agents_.first_job_month[agent] < 0) agents_.first_job_month[agent] = static_cast<std::int16_t>(month);
                        }
                    }
                }
            }
            if (guided) agents_.guidance_months_left[agent] -= 1;

            const bool job_full_time = employed && agents_.job_full_time[agent];
            const bool job_permanent = employed && agents_.job_permanent[agent];
            agents_.earnings[agent] = static_cast<float>(monthly_earnings(p, employed, job_full_time));
            const double caseworker_cost = guided ? guidance.cost_per_client : 0.0;
            const double inburgering_cost = lessons.loan_spent + lessons.municipal_cost;
            const std::uint16_t months_in_job = agents_.months_in_job[agent];
            const CefrLevel level = cefr_level(proficiency);
            const bool overdue = status == InburgeringStatus::pending && month >= ib.deadline_months;

            double* cell = row.data() + static_cast<std::size_t>(agents_.profile_cell[agent]) * indicator_count;
            if (abroad) {
                cell[slot(IndicatorId::abroad_awaiting_reunification)] += 1.0;
                continue;
            }
            // Welfare of the benefit unit, once per household: at the second partner of a couple
            // (the first, earlier in the same chunk, has its earnings for this month set).
            if (static_cast<HouseholdRole>(agents_.household_role[agent]) != HouseholdRole::first_partner)
                tally_household_welfare(agent, row.data());
            cell[slot(IndicatorId::persons)] += 1.0;
            cell[slot(IndicatorId::caring_for_young_child)] += carer;
            cell[slot(IndicatorId::in_reception)] += !housed;
            cell[slot(IndicatorId::housed)] += housed;
            cell[slot(IndicatorId::waiting_for_intake)] += waiting_for_intake;
            cell[slot(IndicatorId::in_guidance)] += guided;
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
            cell[slot(IndicatorId::language_below_a1) + static_cast<std::size_t>(level)] += 1.0;
            cell[slot(IndicatorId::with_mental_health_problem)] += unwell;
            cell[slot(IndicatorId::in_mental_health_care)] += in_care;
            cell[slot(IndicatorId::in_z_route)] += was_in_course && route == InburgeringRoute::z_route;
            cell[slot(IndicatorId::inburgering_passed)] += status == InburgeringStatus::passed;
            cell[slot(IndicatorId::inburgering_exempt)] += status == InburgeringStatus::exempt;
            cell[slot(IndicatorId::inburgering_route_completed)] += status == InburgeringStatus::route_completed;
            cell[slot(IndicatorId::inburgering_overdue)] += overdue;
            cell[slot(IndicatorId::cost_caseworkers)] += caseworker_cost;
            cell[slot(IndicatorId::cost_inburgering)] += inburgering_cost;
            cell[slot(IndicatorId::cost_total)] += caseworker_cost + inburgering_cost;
        }
    });
}

bool CohortSimulation::is_family_approach_partner(std::uint32_t agent, const MunicipalityParameters& municipality) const {
    return !municipality.guide_both_partners &&
           static_cast<HouseholdRole>(agents_.household_role[agent]) == HouseholdRole::second_partner;
}

CohortSimulation::Household CohortSimulation::household_of(std::uint32_t agent) const {
    Household household;
    const auto role = static_cast<HouseholdRole>(agents_.household_role[agent]);
    if (role == HouseholdRole::single) {
        household.norm = parameters_.bijstand_norm;
        return household;
    }
    const std::uint32_t partner = role == HouseholdRole::first_partner ? agent + 1 : agent - 1;
    const bool together = agents_.housed[agent] && agents_.housed[partner];
    household.norm = together ? parameters_.bijstand_norm_couple : parameters_.bijstand_norm;
    // The first partner reads last month's earnings of the second (processed after it, in the
    // same chunk); the second reads this month's of the first. Deterministic either way.
    household.partner_earnings = together ? agents_.earnings[partner] : 0.0;
    return household;
}

void CohortSimulation::tally_household_welfare(std::uint32_t agent, double* row) const {
    const ModelParameters& p = parameters_;
    const bool couple = static_cast<HouseholdRole>(agents_.household_role[agent]) == HouseholdRole::second_partner;
    const std::uint32_t first = couple ? agent - 1 : agent;
    std::uint32_t members[2] = {first, agent};
    const std::size_t member_count = couple ? 2 : 1;
    std::size_t present = 0;
    double earnings = 0.0;
    for (std::size_t i = 0; i < member_count; ++i)
        if (agents_.housed[members[i]]) {
            ++present;
            earnings += agents_.earnings[members[i]];
        }
    if (present == 0) return;
    const double norm = present == 2 ? p.bijstand_norm_couple : p.bijstand_norm;
    const double bijstand = household_bijstand(p, norm, earnings);
    const double poverty_line = (present == 2 ? p.poverty_line_couple : p.poverty_line_single) +
                                (agents_.household_children[agent] ? p.poverty_line_per_child_household : 0.0);
    const bool poor = earnings + bijstand < poverty_line;
    for (std::size_t i = 0; i < member_count; ++i) {
        if (!agents_.housed[members[i]]) continue;
        double* cell = row + static_cast<std::size_t>(agents_.profile_cell[members[i]]) * indicator_count;
        cell[slot(IndicatorId::on_bijstand)] += bijstand > 0.0;
        cell[slot(IndicatorId::below_poverty_line)] += poor;
        // The unit's bijstand is shared equally by the members present.
        cell[slot(IndicatorId::cost_bijstand)] += bijstand / static_cast<double>(present);
        cell[slot(IndicatorId::cost_total)] += bijstand / static_cast<double>(present);
    }
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
