/* Photo admin: the marker sits on the stored focal point (its data-x, data-y);
   click the preview to set the focal point fields (0..1). */
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  const preview = document.querySelector("[data-focal-preview]");
  const marker = document.querySelector("[data-focal-marker]");
  if (!preview || !marker) {
    return;
  }
  function place(x, y) {
    marker.style.left = (x * 100) + "%";
    marker.style.top = (y * 100) + "%";
  }
  place(parseFloat(marker.dataset.x) || 0, parseFloat(marker.dataset.y) || 0);
  const fieldX = document.getElementById("id_focal_x");
  const fieldY = document.getElementById("id_focal_y");
  if (!fieldX || !fieldY) {
    return;
  }
  preview.addEventListener("click", function (event) {
    const box = preview.getBoundingClientRect();
    const x = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
    const y = Math.min(1, Math.max(0, (event.clientY - box.top) / box.height));
    fieldX.value = x.toFixed(3);
    fieldY.value = y.toFixed(3);
    place(x, y);
  });
  [fieldX, fieldY].forEach(function (field) {
    field.addEventListener("input", function () {
      place(parseFloat(fieldX.value) || 0, parseFloat(fieldY.value) || 0);
    });
  });
});
