package io.campaignkit.spring; class Placeholder {}
