/*
 * The header's search box as an ARIA 1.2 combobox with a list of suggestions.
 *
 * It upgrades `<form data-autocomplete>` and its `<input data-autocomplete-input
 * data-autocomplete-url="/recherche/suggestions/">`: the input becomes role="combobox" controlling a
 * listbox of suggestions fetched (debounced, the previous request aborted) from the JSON endpoint.
 * Arrow keys move the active option (aria-activedescendant: the focus stays in the input), Enter
 * opens the active suggestion or, without one, submits the form as usual, Escape closes the list,
 * and a visually hidden live region says how many suggestions there are.
 *
 * Without JavaScript, or when the endpoint fails, the form is the plain GET form to /recherche/.
 * Its stylesheet (css/autocomplete.css) loads in <head> with the others; nothing is written inline
 * (strict CSP).
 */
(function () {
  "use strict";

  var MIN_LENGTH = 2;
  var DEBOUNCE_MS = 200;
  var MAX_QUERY_LENGTH = 100;

  function countMessage(count) {
    if (count === 0) {
      return "Aucune suggestion.";
    }
    var noun = count === 1 ? "1 suggestion disponible" : count + " suggestions disponibles";
    return noun + ". Flèches haut et bas pour parcourir, Entrée pour ouvrir.";
  }

  function Combobox(form, input, index) {
    this.form = form;
    this.input = input;
    this.url = input.getAttribute("data-autocomplete-url");
    this.options = [];
    this.activeIndex = -1;
    this.timer = null;
    this.controller = null;
    this.lastQuery = null;
    this.build(index);
    this.bind();
  }

  Combobox.prototype.build = function (index) {
    var base = (this.input.id || "recherche") + "-suggestions" + (index ? "-" + index : "");
    this.listboxId = base;
    this.optionPrefix = base + "-option-";

    var listbox = document.createElement("ul");
    listbox.id = base;
    listbox.className = "autocomplete__listbox";
    listbox.setAttribute("role", "listbox");
    listbox.setAttribute("aria-label", "Suggestions de recherche");
    listbox.hidden = true;
    this.listbox = listbox;

    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    status.setAttribute("aria-atomic", "true");
    status.setAttribute("data-autocomplete-status", "");
    this.status = status;

    this.form.classList.add("autocomplete");
    this.input.insertAdjacentElement("afterend", listbox);
    this.form.appendChild(status);

    this.input.setAttribute("role", "combobox");
    this.input.setAttribute("aria-autocomplete", "list");
    this.input.setAttribute("aria-expanded", "false");
    this.input.setAttribute("aria-controls", base);
    this.input.setAttribute("autocomplete", "off");
  };

  Combobox.prototype.bind = function () {
    var self = this;
    this.input.addEventListener("input", function () {
      self.schedule();
    });
    this.input.addEventListener("keydown", function (event) {
      self.onKeydown(event);
    });
    this.input.addEventListener("blur", function () {
      self.close();
    });
    // Keep the focus in the input when an option is pressed: the click then follows the link.
    this.listbox.addEventListener("mousedown", function (event) {
      event.preventDefault();
    });
    this.listbox.addEventListener("click", function (event) {
      var option = event.target.closest('[role="option"]');
      if (option) {
        self.follow(Number(option.getAttribute("data-index")));
      }
    });
  };

  Combobox.prototype.schedule = function () {
    var self = this;
    window.clearTimeout(this.timer);
    var query = this.input.value.trim().slice(0, MAX_QUERY_LENGTH);
    if (query.length < MIN_LENGTH) {
      this.abort();
      this.lastQuery = null;
      this.clear();
      this.status.textContent = "";
      return;
    }
    this.timer = window.setTimeout(function () {
      self.fetch(query);
    }, DEBOUNCE_MS);
  };

  Combobox.prototype.abort = function () {
    if (this.controller) {
      this.controller.abort();
      this.controller = null;
    }
  };

  Combobox.prototype.fetch = function (query) {
    var self = this;
    if (query === this.lastQuery && this.options.length) {
      this.open();
      return;
    }
    this.abort();
    var controller = typeof AbortController === "function" ? new AbortController() : null;
    this.controller = controller;
    var separator = this.url.indexOf("?") === -1 ? "?" : "&";
    window
      .fetch(this.url + separator + "q=" + encodeURIComponent(query), {
        headers: { Accept: "application/json" },
        credentials: "omit",
        signal: controller ? controller.signal : undefined,
      })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      })
      .then(function (data) {
        if (self.controller !== controller) {
          return; // a newer request is under way
        }
        self.controller = null;
        if (self.input.value.trim().slice(0, MAX_QUERY_LENGTH) !== query) {
          return; // typed on since: the pending timer asks again
        }
        self.lastQuery = query;
        self.render(Array.isArray(data.results) ? data.results : []);
      })
      .catch(function (error) {
        if (error && error.name === "AbortError") {
          return;
        }
        // The endpoint failed: the form still submits to the search page.
        self.clear();
        self.status.textContent = "";
      });
  };

  Combobox.prototype.render = function (results) {
    this.clear();
    var self = this;
    results.forEach(function (result, i) {
      if (!result || typeof result.url !== "string" || typeof result.title !== "string") {
        return;
      }
      var option = document.createElement("li");
      option.id = self.optionPrefix + self.options.length;
      option.className = "autocomplete__option";
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.setAttribute("data-index", String(self.options.length));
      var title = document.createElement("span");
      title.className = "autocomplete__title";
      title.textContent = result.title;
      option.appendChild(title);
      if (result.kind) {
        // Read as "Secrétariat international, Page"; shown as a small label after the title.
        var separator = document.createElement("span");
        separator.className = "visually-hidden";
        separator.textContent = ", ";
        var kind = document.createElement("span");
        kind.className = "autocomplete__kind";
        kind.textContent = result.kind;
        option.appendChild(separator);
        option.appendChild(kind);
      }
      self.listbox.appendChild(option);
      self.options.push({ element: option, url: result.url });
    });
    this.status.textContent = countMessage(this.options.length);
    if (this.options.length && document.activeElement === this.input) {
      this.open();
    } else {
      this.close();
    }
  };

  Combobox.prototype.clear = function () {
    this.close();
    this.options = [];
    while (this.listbox.firstChild) {
      this.listbox.removeChild(this.listbox.firstChild);
    }
  };

  Combobox.prototype.isOpen = function () {
    return !this.listbox.hidden;
  };

  Combobox.prototype.open = function () {
    if (!this.options.length) {
      return;
    }
    this.listbox.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
  };

  Combobox.prototype.close = function () {
    this.setActive(-1);
    this.listbox.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
  };

  Combobox.prototype.setActive = function (index) {
    if (this.activeIndex >= 0 && this.options[this.activeIndex]) {
      var previous = this.options[this.activeIndex].element;
      previous.setAttribute("aria-selected", "false");
      previous.classList.remove("is-active");
    }
    this.activeIndex = index;
    if (index < 0 || !this.options[index]) {
      this.activeIndex = -1;
      this.input.removeAttribute("aria-activedescendant");
      return;
    }
    var option = this.options[index].element;
    option.setAttribute("aria-selected", "true");
    option.classList.add("is-active");
    this.input.setAttribute("aria-activedescendant", option.id);
    if (typeof option.scrollIntoView === "function") {
      option.scrollIntoView({ block: "nearest" });
    }
  };

  Combobox.prototype.move = function (step) {
    var count = this.options.length;
    if (!count) {
      return;
    }
    if (!this.isOpen()) {
      this.open();
      this.setActive(step > 0 ? 0 : count - 1);
      return;
    }
    var next = this.activeIndex + step;
    if (this.activeIndex === -1) {
      next = step > 0 ? 0 : count - 1;
    } else if (next < 0 || next >= count) {
      next = -1; // back to the text the visitor typed
    }
    this.setActive(next);
  };

  Combobox.prototype.follow = function (index) {
    var option = this.options[index];
    if (option) {
      window.location.assign(option.url);
    }
  };

  Combobox.prototype.onKeydown = function (event) {
    if (event.altKey && event.key === "ArrowDown") {
      event.preventDefault();
      this.open();
      return;
    }
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        this.move(1);
        break;
      case "ArrowUp":
        event.preventDefault();
        this.move(-1);
        break;
      case "Enter":
        if (this.isOpen() && this.activeIndex >= 0) {
          event.preventDefault();
          this.follow(this.activeIndex);
        }
        // Otherwise the form submits to the search page, as without JavaScript.
        break;
      case "Escape":
        if (this.isOpen()) {
          // Close only: the search field keeps what was typed (a second Escape clears it).
          event.preventDefault();
          this.close();
        }
        break;
      case "Tab":
        this.close();
        break;
      default:
        break;
    }
  };

  function init() {
    var forms = document.querySelectorAll("form[data-autocomplete]");
    if (!forms.length || typeof window.fetch !== "function") {
      return;
    }
    Array.prototype.forEach.call(forms, function (form, index) {
      var input = form.querySelector("[data-autocomplete-input]");
      if (input && input.getAttribute("data-autocomplete-url") && !input.hasAttribute("role")) {
        new Combobox(form, input, index); // eslint-disable-line no-new
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
