/* frontwatch offline event map.
 *
 * Reads the data embedded by frontwatch.web.map.render_map from
 * <script type="application/json" id="fw-data"> and draws it with Leaflet.
 * Every string in that data comes from news reports and is UNTRUSTED: it is
 * only ever put into the page with textContent (never innerHTML), and popups
 * and tooltips are given DOM nodes, not HTML strings.
 */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("fw-data").textContent);

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function row(parent, label, value) {
    if (value === undefined || value === null || value === "") return;
    var line = el("div", "fw-row");
    line.appendChild(el("span", "fw-label", label + ": "));
    line.appendChild(el("span", "fw-value", value));
    parent.appendChild(line);
  }

  function popupFor(ev) {
    var box = el("div", "fw-popup");
    box.appendChild(el("div", "fw-title", ev.event_type + (ev.sub_event_type ? " \u2013 " + ev.sub_event_type : "")));
    row(box, "Date", ev.event_date || "unknown");
    var actors = (ev.actor1 || "unknown") + (ev.actor2 ? " vs " + ev.actor2 : "");
    row(box, "Actors", actors);
    var where = [ev.location, ev.admin1].filter(function (x) { return x; }).join(", ");
    row(box, "Location", where);
    row(box, "Fatalities", ev.fatalities);
    row(box, "Source", ev.source);
    if (ev.evidence && ev.evidence.length) {
      var list = el("ul", "fw-evidence");
      ev.evidence.forEach(function (sentence) { list.appendChild(el("li", null, sentence)); });
      box.appendChild(el("div", "fw-label", "Evidence:"));
      box.appendChild(list);
    }
    return box;
  }

  var map = L.map("map", { attributionControl: false });
  var colours = {};
  data.legend.forEach(function (item) { colours[item.event_type] = item.colour; });

  // Build every layer first, set the view, then add the layers: Leaflet is
  // happiest when a map has a view before vector layers are added to it.
  var background = null;
  if (data.boundaries) {
    background = L.geoJSON(data.boundaries, {
      interactive: true,
      style: function () {
        return { color: "#888888", weight: 1, fillColor: "#dddddd", fillOpacity: 0.5 };
      },
      onEachFeature: function (feature, layer) {
        var name = feature.properties && feature.properties.name;
        if (name) layer.bindTooltip(el("span", null, name), { sticky: true });
      }
    });
  }

  var bounds = L.latLngBounds([]);
  var markers = data.events.map(function (ev) {
    var marker = L.circleMarker([ev.latitude, ev.longitude], {
      radius: 6 + Math.min(10, Math.sqrt(ev.fatalities || 0)),
      color: "#222222", weight: 1,
      fillColor: colours[ev.event_type] || data.other_colour, fillOpacity: 0.85
    });
    marker.bindPopup(popupFor(ev), { maxWidth: 360 });
    bounds.extend([ev.latitude, ev.longitude]);
    return marker;
  });
  if (!bounds.isValid() && background && background.getBounds().isValid()) {
    bounds = background.getBounds();
  }

  if (bounds.isValid()) {
    map.fitBounds(bounds, { padding: [30, 30], maxZoom: 11 });
  } else {
    map.setView([20, 0], 2);
  }
  if (background) background.addTo(map);
  markers.forEach(function (marker) { marker.addTo(map); });

  var legend = L.control({ position: "bottomright" });
  legend.onAdd = function () {
    var box = el("div", "fw-legend");
    box.appendChild(el("div", "fw-title", data.events.length + " events"));
    data.legend.forEach(function (item) {
      var line = el("div", "fw-row");
      var swatch = el("span", "fw-swatch");
      swatch.style.backgroundColor = item.colour;
      line.appendChild(swatch);
      line.appendChild(el("span", null, item.event_type));
      box.appendChild(line);
    });
    return box;
  };
  legend.addTo(map);
})();
