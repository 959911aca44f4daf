// Passkeys (WebAuthn) for the forms marked data-passkey="create" (Security page) or "request" (sign-in page).
// On submit: ask the server for options (a POST carrying the form's antiforgery token), let the browser make or
// use a passkey, put the result in the form's Input.CredentialJson field and submit the form. The server checks it all;
// this file only carries JSON between the server and navigator.credentials. Without it, the form posts empty and
// the page says passkeys need JavaScript.
(function () {
  "use strict";

  function toBytes(base64url) {
    var base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
    while (base64.length % 4) base64 += "=";
    var text = atob(base64);
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return bytes.buffer;
  }

  function toBase64Url(buffer) {
    var bytes = new Uint8Array(buffer);
    var text = "";
    for (var i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i]);
    return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  // Browsers without PublicKeyCredential.parse*FromJSON get the binary fields decoded by hand.
  function creationOptions(json) {
    if (typeof PublicKeyCredential.parseCreationOptionsFromJSON === "function") return PublicKeyCredential.parseCreationOptionsFromJSON(json);
    json.challenge = toBytes(json.challenge);
    json.user.id = toBytes(json.user.id);
    (json.excludeCredentials || []).forEach(function (c) { c.id = toBytes(c.id); });
    return json;
  }

  function requestOptions(json) {
    if (typeof PublicKeyCredential.parseRequestOptionsFromJSON === "function") return PublicKeyCredential.parseRequestOptionsFromJSON(json);
    json.challenge = toBytes(json.challenge);
    (json.allowCredentials || []).forEach(function (c) { c.id = toBytes(c.id); });
    return json;
  }

  function credentialJson(credential) {
    if (typeof credential.toJSON === "function") return JSON.stringify(credential.toJSON());
    var r = credential.response;
    var response = { clientDataJSON: toBase64Url(r.clientDataJSON) };
    if (r.attestationObject) {
      response.attestationObject = toBase64Url(r.attestationObject);
      response.transports = typeof r.getTransports === "function" ? r.getTransports() : [];
    } else {
      response.authenticatorData = toBase64Url(r.authenticatorData);
      response.signature = toBase64Url(r.signature);
      if (r.userHandle) response.userHandle = toBase64Url(r.userHandle);
    }
    return JSON.stringify({
      id: credential.id,
      rawId: toBase64Url(credential.rawId),
      type: credential.type,
      authenticatorAttachment: credential.authenticatorAttachment || null,
      clientExtensionResults: credential.getClientExtensionResults(),
      response: response
    });
  }

  function fetchOptions(form) {
    var body = new URLSearchParams();
    body.append("__RequestVerificationToken", form.elements.__RequestVerificationToken.value);
    return fetch(form.getAttribute("data-options-url"), {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      body: body
    }).then(function (response) {
      if (!response.ok) throw new Error("The portal did not start the passkey step (" + response.status + ").");
      return response.json();
    });
  }

  function run(form) {
    var create = form.getAttribute("data-passkey") === "create";
    if (!window.PublicKeyCredential || !navigator.credentials) return Promise.reject(new Error("NotSupportedError"));
    return fetchOptions(form).then(function (json) {
      return create
        ? navigator.credentials.create({ publicKey: creationOptions(json) })
        : navigator.credentials.get({ publicKey: requestOptions(json) });
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("form[data-passkey]"), function (form) {
    var button = form.querySelector("button[type=submit]");
    form.addEventListener("submit", function (event) {
      // A new passkey needs a name first: without one the form posts as it is and the page says so.
      var name = form.elements["Input.PasskeyName"];
      if (name && !name.value.trim()) return;
      event.preventDefault();
      if (button) button.disabled = true;
      run(form).then(function (credential) {
        form.elements["Input.CredentialJson"].value = credentialJson(credential);
        form.submit();
      }, function (error) {
        form.elements["Input.PasskeyError"].value = (error && (error.name !== "Error" ? error.name : error.message)) || "Error";
        form.submit();
      });
    });
  });
})();
