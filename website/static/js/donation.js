/*
 * The donation box: JavaScript twin of campaigns/donation.py, and the box's behaviour.
 *
 * Computations use integer cents (BigInt), so they are exact and agree with Python's Decimal:
 * reduction = round_half_up(amount × rate / 100), capped; cost = amount − reduction.
 * Both implementations are tested against campaigns/donation_cases.json.
 * Without JavaScript the box still works: the server renders the sentence and /don/ validates.
 */
(function () {
  "use strict";

  var AMOUNT_PATTERN = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$/;
  var MESSAGES = {
    empty: "Indiquez un montant en euros.",
    notNumber: "Saisissez un montant en chiffres, par exemple 20 ou 12,50.",
    notPositive: "Le montant doit être supérieur à zéro.",
    tooManyDecimals: "Le montant ne peut pas avoir plus de deux décimales.",
    tooHigh: "Le montant libre ne peut pas dépasser ",
  };

  // "12.5" -> 1250n (hundredths). The string must match AMOUNT_PATTERN with at most 2 decimals.
  function toHundredths(text) {
    var parts = String(text).split(".");
    var decimals = ((parts[1] || "") + "00").slice(0, 2);
    return BigInt(parts[0] || "0") * 100n + BigInt(decimals);
  }

  // 1250n -> "12.50"
  function fromHundredths(value) {
    var negative = value < 0n;
    var abs = negative ? -value : value;
    var cents = String(abs % 100n).padStart(2, "0");
    return (negative ? "-" : "") + String(abs / 100n) + "." + cents;
  }

  function costAfterTaxReduction(amount, rate, cap) {
    var amountCents = toHundredths(amount);
    var rateHundredths = toHundredths(rate);
    // amount (cents) × rate (hundredths of a percent) / 10000 = reduction in cents, half-up.
    var reduction = (amountCents * rateHundredths + 5000n) / 10000n;
    if (cap !== null && cap !== undefined && cap !== "") {
      var capCents = toHundredths(cap);
      if (reduction > capCents) reduction = capCents;
    }
    return fromHundredths(amountCents - reduction);
  }

  function formatEuros(amount) {
    var text = fromHundredths(toHundredths(amount));
    var parts = text.split(".");
    var units = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
    return units + "," + parts[1] + "\u00a0€";
  }

  function parseAmount(text, maximum) {
    var raw = String(text === null || text === undefined ? "" : text)
      .replace(/\s/g, "")
      .replace(/,/g, ".");
    if (!raw) return { amount: null, error: MESSAGES.empty };
    if (raw.charAt(0) === "-" && AMOUNT_PATTERN.test(raw.slice(1))) {
      return { amount: null, error: MESSAGES.notPositive };
    }
    if (!AMOUNT_PATTERN.test(raw)) return { amount: null, error: MESSAGES.notNumber };
    if (raw.indexOf(".") !== -1 && raw.split(".")[1].length > 2) {
      return { amount: null, error: MESSAGES.tooManyDecimals };
    }
    var cents = toHundredths(raw);
    if (cents <= 0n) return { amount: null, error: MESSAGES.notPositive };
    if (cents > toHundredths(maximum)) {
      return { amount: null, error: MESSAGES.tooHigh + formatEuros(maximum) + "." };
    }
    return { amount: fromHundredths(cents), error: "" };
  }

  window.AmnestyDonation = {
    costAfterTaxReduction: costAfterTaxReduction,
    formatEuros: formatEuros,
    parseAmount: parseAmount,
  };

  // --- The box -------------------------------------------------------------------------------

  function checkedValue(form, name) {
    var input = form.querySelector('input[name="' + name + '"]:checked');
    return input ? input.value : null;
  }

  function update(form) {
    var data = form.dataset;
    var frequency = checkedValue(form, "frequency") || "regular";
    var free = form.querySelector("[data-donation-free]");
    var result = form.querySelector("[data-donation-result]");
    var amount = null;
    var error = "";
    if (free.value.trim() !== "") {
      var parsed = parseAmount(free.value, data.maximum);
      amount = parsed.amount;
      error = parsed.error;
    } else {
      amount = checkedValue(form, "amount_" + frequency);
      if (amount === null) error = MESSAGES.empty;
    }
    free.setAttribute("aria-invalid", error && free.value.trim() !== "" ? "true" : "false");
    if (error) {
      result.textContent = error;
      result.classList.add("donation__result--error");
      return;
    }
    var cap = frequency === "regular" ? data.capRegular : data.capOnce;
    var cost = costAfterTaxReduction(amount, data.rate, cap || null);
    var suffix = frequency === "regular" ? data.suffixRegular : "";
    result.textContent = data.sentence + " " + formatEuros(cost) + suffix;
    result.classList.remove("donation__result--error");
  }

  function init(form) {
    if (form.dataset.donationReady) return;
    form.dataset.donationReady = "true";
    var free = form.querySelector("[data-donation-free]");
    form.addEventListener("change", function (event) {
      var target = event.target;
      // Picking a preset replaces the free amount.
      if (target.name && target.name.indexOf("amount_") === 0) free.value = "";
      update(form);
    });
    free.addEventListener("input", function () {
      // Typing a free amount replaces the preset: uncheck it, so only one amount looks chosen.
      if (free.value.trim() !== "") {
        Array.prototype.forEach.call(form.querySelectorAll('input[name="amount_' + checkedValue(form, "frequency") + '"]:checked'), function (input) {
          input.checked = false;
        });
      }
      update(form);
    });
    form.addEventListener("submit", function (event) {
      update(form);
      if (form.querySelector("[data-donation-result]").classList.contains("donation__result--error")) {
        event.preventDefault();
        free.focus();
      }
    });
    update(form);
  }

  function initAll() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-donation]"), init);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", initAll);
  } else {
    initAll();
  }
})();
