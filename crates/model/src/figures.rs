//! The catalogue of figures: every headline number kehoach shows — in the app's figures
//! and phone summary, compare, print, the workshop, exports, the CLI and the advice on a
//! proposal — with its key, its name in both languages, its unit, how it is written and
//! where its p10–p90 band comes from. One home: a figure added here appears everywhere
//! that lists figures.

use serde::Serialize;

use crate::eval::{Horizon, Projection};
use crate::fmt;
use crate::lang::Lang;
use crate::mc::{Band3, Uncertainty};
use crate::money::Money;
use crate::words::FigureWords;

/// A headline figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Figure {
    /// Child drowning deaths averted over the lifetime of what the plan buys.
    DeathsAverted,
    /// The same, over the plan years only.
    DeathsAvertedPlan,
    /// DALYs averted (lifetime, discounted).
    DalysAverted,
    /// Expected child drowning deaths in the plan years, with the plan.
    ExpectedDeaths,
    /// Deaths per 100.000 children in the last plan year.
    RateFinal,
    /// Share of children 6–15 who swim safely in the last plan year.
    SwimShare,
    /// Share of communes recognised child-friendly in the last plan year.
    ChildFriendlyShare,
    /// Children reached, as people.
    ChildrenReached,
    /// Children supported, as people.
    ChildrenSupported,
    /// Contacts with children (lượt).
    Contacts,
    /// All allocations over the plan.
    SpendTotal,
    /// Drowning spend per death averted (lifetime).
    CostPerDeathAverted,
    /// Drowning spend per death averted in the plan years.
    CostPerDeathAvertedPlan,
    /// Drowning spend per DALY averted (lifetime, both discounted).
    CostPerDaly,
    /// Support spend per child supported.
    CostPerChildSupported,
}

/// What a figure counts, which decides how it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum FigureUnit {
    /// Expected deaths (fractional): no decimals from 100, one from 1, two below.
    Deaths,
    /// Years of life.
    Years,
    /// Deaths per 100.000 children, two decimals.
    Rate,
    /// A share 0–1, written as a percentage with one decimal.
    Share,
    /// People or contacts, whole numbers.
    Count,
    /// Money, in the unit a planner says aloud.
    Money,
}

impl Figure {
    /// Every figure, in the order they are listed.
    pub const ALL: [Figure; 15] = [
        Figure::DeathsAverted,
        Figure::DeathsAvertedPlan,
        Figure::DalysAverted,
        Figure::ExpectedDeaths,
        Figure::RateFinal,
        Figure::SwimShare,
        Figure::ChildFriendlyShare,
        Figure::ChildrenReached,
        Figure::ChildrenSupported,
        Figure::Contacts,
        Figure::SpendTotal,
        Figure::CostPerDeathAverted,
        Figure::CostPerDeathAvertedPlan,
        Figure::CostPerDaly,
        Figure::CostPerChildSupported,
    ];

    /// Stable key (CLI JSON, exports, `data-testid="kpi-<key with dashes>"`).
    pub fn key(self) -> &'static str {
        match self {
            Figure::DeathsAverted => "deaths_averted",
            Figure::DeathsAvertedPlan => "deaths_averted_plan",
            Figure::DalysAverted => "dalys_averted",
            Figure::ExpectedDeaths => "expected_deaths",
            Figure::RateFinal => "drowning_rate",
            Figure::SwimShare => "swim_share",
            Figure::ChildFriendlyShare => "child_friendly_share",
            Figure::ChildrenReached => "children_reached",
            Figure::ChildrenSupported => "children_supported",
            Figure::Contacts => "contacts",
            Figure::SpendTotal => "spend_total",
            Figure::CostPerDeathAverted => "cost_per_death_averted",
            Figure::CostPerDeathAvertedPlan => "cost_per_death_averted_plan",
            Figure::CostPerDaly => "cost_per_daly",
            Figure::CostPerChildSupported => "cost_per_child_supported",
        }
    }

    /// The figure's `data-testid` on screen: `kpi-` and the key with dashes.
    pub fn test_id(self) -> String {
        format!("kpi-{}", self.key().replace('_', "-"))
    }

    /// Its name in the user's language.
    pub fn label(self, lang: Lang) -> &'static str {
        let w = match self {
            Figure::DeathsAverted => FigureWords::DeathsAverted,
            Figure::DeathsAvertedPlan => FigureWords::DeathsAvertedPlan,
            Figure::DalysAverted => FigureWords::DalysAverted,
            Figure::ExpectedDeaths => FigureWords::ExpectedDeaths,
            Figure::RateFinal => FigureWords::RateFinal,
            Figure::SwimShare => FigureWords::SwimShare,
            Figure::ChildFriendlyShare => FigureWords::ChildFriendlyShare,
            Figure::ChildrenReached => FigureWords::ChildrenReached,
            Figure::ChildrenSupported => FigureWords::ChildrenSupported,
            Figure::Contacts => FigureWords::Contacts,
            Figure::SpendTotal => FigureWords::SpendTotal,
            Figure::CostPerDeathAverted => FigureWords::CostPerDeathAverted,
            Figure::CostPerDeathAvertedPlan => FigureWords::CostPerDeathAvertedPlan,
            Figure::CostPerDaly => FigureWords::CostPerDaly,
            Figure::CostPerChildSupported => FigureWords::CostPerChildSupported,
        };
        w.get(lang)
    }

    /// What it counts.
    pub fn unit(self) -> FigureUnit {
        match self {
            Figure::DeathsAverted | Figure::DeathsAvertedPlan | Figure::ExpectedDeaths => {
                FigureUnit::Deaths
            }
            Figure::DalysAverted => FigureUnit::Years,
            Figure::RateFinal => FigureUnit::Rate,
            Figure::SwimShare | Figure::ChildFriendlyShare => FigureUnit::Share,
            Figure::ChildrenReached | Figure::ChildrenSupported | Figure::Contacts => {
                FigureUnit::Count
            }
            Figure::SpendTotal
            | Figure::CostPerDeathAverted
            | Figure::CostPerDeathAvertedPlan
            | Figure::CostPerDaly
            | Figure::CostPerChildSupported => FigureUnit::Money,
        }
    }

    /// Whether more of it is better (deaths and costs: less is better; spend: neither, so
    /// `None`).
    pub fn more_is_better(self) -> Option<bool> {
        match self {
            Figure::ExpectedDeaths
            | Figure::RateFinal
            | Figure::CostPerDeathAverted
            | Figure::CostPerDeathAvertedPlan
            | Figure::CostPerDaly
            | Figure::CostPerChildSupported => Some(false),
            Figure::SpendTotal => None,
            _ => Some(true),
        }
    }

    /// The horizon a deaths-averted figure counts over (`None` for other figures).
    pub fn horizon(self) -> Option<Horizon> {
        match self {
            Figure::DeathsAverted
            | Figure::DalysAverted
            | Figure::CostPerDeathAverted
            | Figure::CostPerDaly => Some(Horizon::Lifetime),
            Figure::DeathsAvertedPlan | Figure::CostPerDeathAvertedPlan => Some(Horizon::Plan),
            _ => None,
        }
    }

    /// Its value in a projection (`None` when there is none: a cost with nothing bought).
    pub fn value(self, p: &Projection) -> Option<f64> {
        let h = &p.headline;
        let money = |m: Option<Money>| m.map(Money::as_f64);
        match self {
            Figure::DeathsAverted => Some(h.deaths_averted.lifetime),
            Figure::DeathsAvertedPlan => Some(h.deaths_averted.plan),
            Figure::DalysAverted => Some(h.dalys_averted.lifetime),
            Figure::ExpectedDeaths => Some(h.deaths),
            Figure::RateFinal => Some(h.rate_final),
            Figure::SwimShare => Some(h.swim_share_final),
            Figure::ChildFriendlyShare => Some(h.child_friendly_share_final),
            Figure::ChildrenReached => Some(h.children_reached as f64),
            Figure::ChildrenSupported => Some(h.children_supported as f64),
            Figure::Contacts => Some(h.contacts as f64),
            Figure::SpendTotal => Some(h.spend_total.as_f64()),
            Figure::CostPerDeathAverted => money(h.cost_per_death_averted.lifetime),
            Figure::CostPerDeathAvertedPlan => money(h.cost_per_death_averted.plan),
            Figure::CostPerDaly => money(h.cost_per_daly.lifetime),
            Figure::CostPerChildSupported => money(h.cost_per_child_supported),
        }
    }

    /// Its p10–p90 band in a Monte Carlo result (`None` for figures without one, and for
    /// costs where a draw averts nothing).
    pub fn band(self, u: &Uncertainty) -> Option<Band3> {
        let f = |b: Band3<u64>| Band3 {
            p10: b.p10 as f64,
            p50: b.p50 as f64,
            p90: b.p90 as f64,
        };
        let m = |b: Band3<Option<Money>>| -> Option<Band3> {
            Some(Band3 {
                p10: b.p10?.as_f64(),
                p50: b.p50?.as_f64(),
                p90: b.p90?.as_f64(),
            })
        };
        match self {
            Figure::DeathsAverted => Some(u.deaths_averted.lifetime),
            Figure::DeathsAvertedPlan => Some(u.deaths_averted.plan),
            Figure::DalysAverted => Some(u.dalys_averted.lifetime),
            Figure::ExpectedDeaths => Some(u.deaths),
            Figure::RateFinal => Some(u.rate_final),
            Figure::SwimShare => Some(u.swim_share_final),
            Figure::ChildFriendlyShare => Some(u.child_friendly_share_final),
            Figure::ChildrenReached => Some(f(u.children_reached)),
            Figure::ChildrenSupported => Some(f(u.children_supported)),
            Figure::Contacts => Some(f(u.contacts)),
            Figure::SpendTotal | Figure::CostPerChildSupported => None,
            Figure::CostPerDeathAverted => m(u.cost_per_death_averted.lifetime),
            Figure::CostPerDeathAvertedPlan => m(u.cost_per_death_averted.plan),
            Figure::CostPerDaly => m(u.cost_per_daly.lifetime),
        }
    }

    /// A value written as the page writes it, in the user's language ("95,5", "26,1 %",
    /// "1.234.567", "9,4 tỷ đồng"); "—" for none.
    pub fn format(self, v: Option<f64>, lang: Lang) -> String {
        let Some(v) = v.filter(|v| v.is_finite()) else {
            return fmt::NONE.into();
        };
        match self.unit() {
            FigureUnit::Deaths => fmt::deaths(v, lang),
            FigureUnit::Years | FigureUnit::Count => fmt::count_f(v, lang),
            FigureUnit::Rate => fmt::rate(v, lang),
            FigureUnit::Share => fmt::pct(v, lang),
            FigureUnit::Money => {
                Money::from_f64(v).map_or_else(|| fmt::NONE.into(), |m| fmt::money(m, lang))
            }
        }
    }

    /// A change written with its sign ("+12,3", "−1,2 %", "+9,4 tỷ đồng"); "0" for none.
    pub fn format_change(self, d: f64, lang: Lang) -> String {
        if !d.is_finite() {
            return fmt::NONE.into();
        }
        if d == 0.0 {
            return "0".into();
        }
        let body = self.format(Some(d.abs()), lang);
        let sign = if d > 0.0 { "+" } else { "−" };
        let mut s = String::with_capacity(body.len() + 3);
        s.push_str(sign);
        s.push_str(&body);
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Scenario, evaluate, simulate};

    #[test]
    fn every_figure_has_a_value_a_name_and_a_unique_key() {
        let s = Scenario::default();
        let p = evaluate(&s).expect("valid");
        let u = simulate(&s, 200).expect("valid");
        let mut keys = std::collections::BTreeSet::new();
        for f in Figure::ALL {
            assert!(keys.insert(f.key()), "{f:?}");
            assert!(!f.label(Lang::Vi).is_empty() && !f.label(Lang::En).is_empty());
            let v = f.value(&p).expect("the default plan has every figure");
            if let Some(b) = f.band(&u) {
                assert!(b.p10 <= b.p90, "{f:?}");
            }
            assert_ne!(f.format(Some(v), Lang::Vi), "—", "{f:?}");
        }
        assert_eq!(Figure::DeathsAverted.test_id(), "kpi-deaths-averted");
        assert_eq!(Figure::SwimShare.format(Some(0.2606), Lang::Vi), "26,1 %");
        assert_eq!(Figure::SwimShare.format(Some(0.2606), Lang::En), "26.1 %");
        assert_eq!(Figure::DeathsAverted.format(Some(0.046), Lang::Vi), "0,05");
        assert_eq!(Figure::DeathsAverted.format(Some(123.4), Lang::Vi), "123");
        assert_eq!(
            Figure::SpendTotal.format(Some(9_400_000_000.0), Lang::Vi),
            "9,4 tỷ đồng"
        );
        assert_eq!(Figure::Contacts.format_change(-1_234.0, Lang::Vi), "−1.234");
        assert_eq!(Figure::CostPerDaly.format(None, Lang::En), "—");
    }
}
